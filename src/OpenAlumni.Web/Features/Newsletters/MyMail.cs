using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>Which network mails I unsubscribed from, and whether my address is marked undeliverable.</summary>
public sealed record MyMailDto(IReadOnlyList<MailKind> Unsubscribed, string? BouncedAddress);

/// <summary>A member's own network mail: see and undo an unsubscribe (from the notification settings), clear a bounce mark.</summary>
public sealed class MyMail(AlumniDb db, CurrentMember current, Unsubscribe unsubscribe)
{
    public async Task<MyMailDto> GetAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        var email = await Address(me.MemberId, ct);
        var bounced = email is not null && await db.Set<UndeliverableAddress>().AnyAsync(a => a.Email == email, ct);
        return new MyMailDto(await unsubscribe.OptedOutAsync(me.MemberId, ct), bounced ? email : null);
    }

    public async Task SetAsync(MailKind kind, bool subscribed, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (subscribed) await unsubscribe.OptInAsync(me.MemberId, kind, ct);
        else await unsubscribe.OptOutAsync(me.MemberId, kind, ct);
    }

    /// <summary>The member says the address works again (a mailbox that was full, a typo fixed at the provider).</summary>
    public async Task ClearBounceAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (await Address(me.MemberId, ct) is { } email) await db.Set<UndeliverableAddress>().Where(a => a.Email == email).ExecuteDeleteAsync(ct);
    }

    async Task<string?> Address(long memberId, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.User!.Email!.ToLower()).FirstOrDefaultAsync(ct);
}
