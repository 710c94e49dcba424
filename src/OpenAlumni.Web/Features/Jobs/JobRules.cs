using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;

namespace OpenAlumni.Web.Features.Jobs;

/// <summary>
/// What a member may do on the job board, one rule per action (null: allowed; else the refusal that says why).
/// JobService enforces them and fills the openings' <c>Can…</c> flags from the same rules.
/// </summary>
public static class JobRules
{
    /// <summary>Admins, and members an admin made recruiters, post openings and see who is interested.</summary>
    public static bool MayManage(MemberSession me, bool recruiter) => me.IsAdmin || recruiter;

    /// <summary>Who besides them may post openings is the secretariat's choice.</summary>
    public static Refusal? ChooseRecruiters(MemberSession me) => me.IsAdmin ? null : Refusal.Forbidden;

    /// <summary>An opening takes hands and referrals while it is open and before its closing date.</summary>
    public static Refusal? Open(JobOpening job, DateTimeOffset now) =>
        job.Status != JobStatus.Open || job.ClosesAt <= now ? Refusal.Conflict("", "Jobs.NotOpen") : null;

    /// <summary>Interest is for alumni: employees apply inside the company.</summary>
    public static Refusal? Interest(MemberSession me, JobOpening job, DateTimeOffset now) =>
        Open(job, now) ?? (me.Kind != MemberKind.Alumni ? Refusal.Forbidden : null);

    /// <summary>Any member may refer someone to an open opening.</summary>
    public static Refusal? Refer(JobOpening job, DateTimeOffset now) => Open(job, now);
}
