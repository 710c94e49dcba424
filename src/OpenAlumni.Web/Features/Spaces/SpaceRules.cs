using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Spaces;

/// <summary>
/// What a member may do with a space, one rule per action (null: allowed). Whether the space exists for them at all
/// is <see cref="SpaceAudience"/>. A moderator's power is their row in the space (role moderator, status member):
/// taking the role away or leaving the space ends it at the next request.
/// </summary>
public static class SpaceRules
{
    /// <summary>Creating and editing spaces and appointing volunteers is the secretariat's.</summary>
    public static Refusal? Manage(Reader r) => r.IsAdmin ? null : Refusal.Forbidden;

    /// <summary>Admitting and inviting members, pinning and hiding posts, deciding reports, holding events: the space's moderators (and the secretariat).</summary>
    public static Refusal? Moderate(Reader r, long spaceId) => r.IsAdmin || r.ModeratedSpaces.Contains(spaceId) ? null : Refusal.Forbidden;

    /// <summary>Open spaces take anyone; request spaces take a request; secret ones only those invited.</summary>
    public static Refusal? Join(Space s, SpaceMemberStatus? mine) =>
        mine == SpaceMemberStatus.Member ? Refusal.Conflict("id", "Spaces.AlreadyMember")
        : mine == SpaceMemberStatus.Pending ? Refusal.Conflict("id", "Spaces.AlreadyRequested")
        : s.Visibility == SpaceVisibility.Secret && mine != SpaceMemberStatus.Invited ? Refusal.NotFound
        : null;

    public static Refusal? Leave(SpaceMemberStatus? mine) => mine is null ? Refusal.Conflict("id", "Spaces.NotAMember") : null;

    /// <summary>Members write in their space; the secretariat anywhere.</summary>
    public static bool MayPost(Reader r, long spaceId, SpaceMemberStatus? mine) => r.IsAdmin || mine == SpaceMemberStatus.Member;
}
