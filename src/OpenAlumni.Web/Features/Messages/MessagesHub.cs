using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Messages;

/// <summary>
/// Live delivery of new messages. The hub only listens: messages are sent through <see cref="MessageService"/>
/// (the page or the API), which pushes them to the conversation's group. The rules are the pages':
/// the connection is authorized as an approved member (cookie, or bearer token for API clients), the tenant
/// comes from the host and must be the one the sign-in was issued for, and a connection joins a
/// conversation's group only when its member takes part in it.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class MessagesHub(AlumniDb db, TenantContext tenantContext, TenantDirectory tenants, IOptions<TenancyOptions> tenancy) : Hub
{
    public const string Path = "/hubs/messages";

    public static string ConversationGroup(long tenantId, long conversationId) => $"t{tenantId}:c{conversationId}";
    public static string MemberGroup(long tenantId, long memberId) => $"t{tenantId}:m{memberId}";

    public override async Task OnConnectedAsync()
    {
        if (await MemberAsync() is not { } me) { Context.Abort(); return; }
        await Groups.AddToGroupAsync(Context.ConnectionId, MemberGroup(me.TenantId, me.MemberId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>Starts receiving a conversation's new messages; refused (an error to the caller, no group) unless the member takes part in it.</summary>
    public async Task Join(long conversationId)
    {
        var me = await MemberAsync() ?? throw new HubException("Not a member of this network.");
        if (!await db.Set<ConversationParticipant>().AnyAsync(p => p.ConversationId == conversationId && p.MemberId == me.MemberId, Context.ConnectionAborted))
            throw new HubException("No such conversation.");
        await Groups.AddToGroupAsync(Context.ConnectionId, ConversationGroup(me.TenantId, conversationId), Context.ConnectionAborted);
    }

    public async Task Leave(long conversationId)
    {
        if (await MemberAsync() is { } me) await Groups.RemoveFromGroupAsync(Context.ConnectionId, ConversationGroup(me.TenantId, conversationId));
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
        var tenant = await tenants.FindByHostAsync(http.Request.Host.Host, ct);
        if (tenant is null && tenancy.Value.DefaultTenant is { Length: > 0 } slug) tenant = await tenants.FindBySlugAsync(slug, ct);
        if (tenant is null || Context.User?.FindFirst(TenantClaimsPrincipalFactory.TenantClaim)?.Value != tenant.Id.ToString()) return null;
        if (tenantContext.Tenant is null) tenantContext.Set(tenant);
        var memberId = await db.Members.Where(m => m.UserId == userId && m.Status == MemberStatus.Approved).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        return memberId is { } id ? (tenant.Id, id) : null;
    }
}
