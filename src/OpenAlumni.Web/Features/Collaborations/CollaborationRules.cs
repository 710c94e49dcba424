using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Collaborations;

/// <summary>
/// What a member may do with a collaboration, one rule per action (null: allowed; else the refusal that says
/// why). CollaborationService enforces them and fills the <c>Can…</c> flags from the same rules.
/// </summary>
public static class CollaborationRules
{
    /// <summary>What the secretariat records is accepted at once; a member's is a proposal for the secretariat to decide.</summary>
    public static CollaborationStatus StatusOnCreate(MemberSession me) => me.IsAdmin ? CollaborationStatus.Accepted : CollaborationStatus.Proposed;

    /// <summary>The people involved, and the secretariat, edit it and move its stage.</summary>
    public static Refusal? Edit(MemberSession me, IEnumerable<long> memberIds) =>
        me.IsAdmin || memberIds.Contains(me.MemberId) ? null : Refusal.Forbidden;

    /// <summary>The secretariat accepts or declines a proposal, once.</summary>
    public static Refusal? Decide(MemberSession me, CollaborationStatus status) =>
        !me.IsAdmin ? Refusal.Forbidden
        : status != CollaborationStatus.Proposed ? Refusal.Conflict("", "Collaborations.AlreadyDecided")
        : null;
}
