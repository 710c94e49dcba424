using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Projects;

/// <summary>
/// Who may do what with side projects, one rule per action (null: allowed; else the refusal that says why).
/// ProjectService enforces them and fills the projects' <c>Can…</c> flags from the same rules.
/// </summary>
public static class ProjectRules
{
    /// <summary>Its poster and the secretariat edit a project, read its applications and decide them.</summary>
    public static bool Manages(MemberSession me, Project p) => me.IsAdmin || p.PostedByMemberId == me.MemberId;

    public static Refusal? Manage(MemberSession me, Project p) => Manages(me, p) ? null : Refusal.Forbidden;

    /// <summary>A project takes applications while it is open and before its closing date.</summary>
    public static Refusal? Open(Project p, DateTimeOffset now) =>
        p.Status != ProjectStatus.Open || p.ClosesAt <= now ? Refusal.Conflict("", "Projects.NotOpen") : null;

    /// <summary>Any member but its poster applies, once, while it is open.</summary>
    public static Refusal? Apply(MemberSession me, Project p, DateTimeOffset now) =>
        p.PostedByMemberId == me.MemberId ? Refusal.Forbidden : Open(p, now);

    /// <summary>A confidential project's description: for whoever manages it and the applicants it shortlisted or engaged.</summary>
    public static bool SeesDetails(MemberSession me, Project p, ApplicationStatus? mine) =>
        !p.Confidential || Manages(me, p) || mine is ApplicationStatus.Shortlisted or ApplicationStatus.Engaged;

    /// <summary>
    /// The poster's decisions: shortlist or decline an application still applied or shortlisted; engage one of them
    /// (which records the outcome). An engaged, declined or withdrawn application is decided.
    /// </summary>
    public static Refusal? Decide(MemberSession me, Project p, ProjectApplication a) =>
        Manage(me, p) ?? (a.Status is ApplicationStatus.Applied or ApplicationStatus.Shortlisted ? null : Refusal.Conflict("status", "Projects.AlreadyDecided"));
}
