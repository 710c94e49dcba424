using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Consultations;

/// <summary>
/// What each of a request's two members may do with it now, one rule per action (null: allowed; else the
/// refusal that says why). ConsultationService enforces them and fills the <c>Can…</c> flags from the same rules.
/// </summary>
public static class ConsultationRules
{
    /// <summary>The recipient accepts a pending request; the requester accepts the times the recipient proposed.</summary>
    public static Refusal? Accept(long me, ConsultationRequest r) =>
        (r.RecipientMemberId == me && r.Status == ConsultationStatus.Pending) || (r.RequesterMemberId == me && r.Status == ConsultationStatus.Proposed)
            ? null : Refusal.Conflict("status", "Consultations.NotAnswerable");

    /// <summary>The recipient proposes other times, once, while the request is pending.</summary>
    public static Refusal? Propose(long me, ConsultationRequest r) =>
        r.RecipientMemberId != me ? Refusal.Forbidden
        : r.Status != ConsultationStatus.Pending ? Refusal.Conflict("status", "Consultations.NotAnswerable")
        : null;

    /// <summary>The recipient declines while the request waits (pending, or with times proposed).</summary>
    public static Refusal? Decline(long me, ConsultationRequest r) =>
        r.RecipientMemberId != me ? Refusal.Forbidden
        : r.Status is not (ConsultationStatus.Pending or ConsultationStatus.Proposed) ? Refusal.Conflict("status", "Consultations.NotAnswerable")
        : null;
}
