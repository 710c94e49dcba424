using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Outcomes;

/// <summary>
/// Who keeps the outcome ledger, one rule per action (null: allowed; else the refusal that says why).
/// OutcomeService enforces them and fills the <c>Can…</c> flags from the same rules.
/// </summary>
public static class OutcomeRules
{
    public static bool IsHire(OutcomeKind kind) => kind is OutcomeKind.Rehire or OutcomeKind.ReferralHire;

    /// <summary>The secretariat keeps the ledger; recruiters read and record its hires (the job board's loop closes there).</summary>
    public static bool MayRead(MemberSession me, bool recruiter) => me.IsAdmin || recruiter;

    /// <summary>Records an outcome of this kind, or changes or deletes one: the secretariat any; a recruiter hires only.</summary>
    public static Refusal? Keep(MemberSession me, bool recruiter, OutcomeKind kind) =>
        me.IsAdmin || (recruiter && IsHire(kind)) ? null
        : recruiter ? Refusal.Invalid("kind", "Outcomes.RecruitersRecordHires")
        : Refusal.Forbidden;

    /// <summary>Only the secretariat sets what an outcome of a kind is worth when recorded without a value.</summary>
    public static Refusal? SetValues(MemberSession me) => me.IsAdmin ? null : Refusal.Forbidden;
}
