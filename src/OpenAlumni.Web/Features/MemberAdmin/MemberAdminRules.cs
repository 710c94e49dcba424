using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.MemberAdmin;

/// <summary>
/// What the secretariat may do to a member's account (null: allowed; else the refusal that says why).
/// MemberAdminService enforces them and fills the list's <c>Can…</c> flags from the same rules.
/// </summary>
public static class MemberAdminRules
{
    /// <summary>An approved member other than oneself: an admin does not lock themselves out.</summary>
    public static Refusal? Suspend(MemberSession admin, long memberId, MemberStatus status) =>
        memberId == admin.MemberId ? Refusal.Conflict("id", "Validation.NotYourself")
        : status != MemberStatus.Approved ? Refusal.Conflict("status", "Validation.NotApproved")
        : null;

    public static Refusal? Reinstate(MemberStatus status) =>
        status != MemberStatus.Suspended ? Refusal.Conflict("status", "Validation.NotSuspended") : null;
}
