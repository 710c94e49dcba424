using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>
/// Live delivery of new messages. The hub only listens: messages are sent through <see cref="MessageService"/>
/// (the page or the API), which pushes each to the own group of every participant still approved. The rules
/// are the pages': the connection is authorized as an approved member (cookie, or bearer token for API
/// clients), the tenant comes from the host and must be the one the sign-in was issued for, and only a
/// participant may follow a conversation.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class MessagesHub(AlumniDb db, TenantContext tenantContext, TenantDirectory tenants, IStringLocalizer<MessageTexts> texts) : Hub
{
    public const string Path = "/hubs/messages";

    public static string MemberGroup(long tenantId, long memberId) => $"t{tenantId}:m{memberId}";

    public override async Task OnConnectedAsync()
    {
        if (await MemberAsync() is not { } me) { Context.Abort(); return; }
        await Groups.AddToGroupAsync(Context.ConnectionId, MemberGroup(me.TenantId, me.MemberId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Checks that the member may follow a conversation (an error to the caller otherwise). Messages themselves go
    /// to each approved participant's own group (see MessageService), so nobody outside it receives them, and a
    /// member suspended or erased meanwhile receives nothing more.
    /// </summary>
    public async Task Join(long conversationId)
    {
        var me = await MemberAsync() ?? throw await RefusalAsync("HubNotAMember");
        if (!await db.Set<ConversationParticipant>().AnyAsync(p => p.ConversationId == conversationId && p.MemberId == me.MemberId, Context.ConnectionAborted))
            throw await RefusalAsync("HubNoSuchConversation");
    }

    /// <summary>
    /// An error for the caller in their language: the cookie or Accept-Language of the connection's request, else
    /// the network's default. The culture middleware does not run for a hub call, so it is chosen here the same way.
    /// </summary>
    async Task<HubException> RefusalAsync(string key)
    {
        var http = Context.GetHttpContext();
        var culture = http is null ? tenantContext.Tenant?.DefaultCulture : await Cultures.OfRequestAsync(http, tenantContext.Tenant?.DefaultCulture);
        using (Cultures.Use(culture)) return new HubException(texts[key]);
    }

    /// <summary>
    /// Each hub call runs in a scope of its own, without the request's tenant: it is resolved again from the
    /// connection's host, checked against the sign-in's tenant, and the membership is read afresh, so a member
    /// suspended meanwhile can join nothing more.
    /// </summary>
    async Task<(long TenantId, long MemberId)?> MemberAsync()
    {
        var http = Context.GetHttpContext();
        var userId = Context.UserIdentifier;
        if (http is null || userId is null) return null;
        var ct = Context.ConnectionAborted;
        var tenant = await tenants.ResolveAsync(http.Request.Host.Host, ct);
        if (tenant is null || Context.User?.FindFirst(TenantClaimsPrincipalFactory.TenantClaim)?.Value != tenant.Id.ToString()) return null;
        if (tenantContext.Tenant is null) tenantContext.Set(tenant);
        var memberId = await db.Members.Approved().Where(m => m.UserId == userId).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        return memberId is { } id ? (tenant.Id, id) : null;
    }
}
