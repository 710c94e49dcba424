namespace OpenAlumni.Web.Features.Members;

/// <summary>
/// The named rules other features use to ask "which members" (docs/ARCHITECTURE.md: Members is the shared
/// kernel; features read what a member is, and ask these for what a member qualifies for).
/// </summary>
public static class MemberQueries
{
    /// <summary>Members who may be shown, mailed, messaged and counted: approved, not pending, suspended or erased.</summary>
    public static IQueryable<Member> Approved(this IQueryable<Member> members) =>
        members.Where(m => m.Status == MemberStatus.Approved);

    /// <summary>Everyone but the placeholder that erased members' kept posts point to.</summary>
    public static IQueryable<Member> NotFormer(this IQueryable<Member> members) =>
        members.Where(m => m.Status != MemberStatus.Former);
}
