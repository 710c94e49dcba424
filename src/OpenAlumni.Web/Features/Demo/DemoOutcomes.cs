using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Outcomes;
using OpenAlumni.Web.Features.Posts;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// A year of the demo network's outcomes, linked to what they came from: the closed metals opening's rehire, the
/// contracts of two collaborations, engagements after the AGM, a mentoring from the accepted consultation (the demo
/// member's own), the engaged side project, more side projects and deals from notices, an investment. The network counts ¥3,000,000 for a rehire
/// (the hiring cost saved), ¥1,500,000 for a referral hire and ¥100,000 for an engagement recorded without a value.
/// </summary>
internal static class DemoOutcomes
{
    public static async Task SeedAsync(AlumniDb db, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Approved).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.Role, m.User!.Email }).ToListAsync(ct);
        var admin = members.First(m => m.Role == MemberRole.Admin).Id;
        var hanako = members.First(m => m.Email == "hanako.yamada@demo.localhost").Id;
        var alumni = members.Where(m => m.Kind == MemberKind.Alumni && m.Role == MemberRole.Member && m.Id != hanako).Select(m => m.Id).ToList();
        var employees = members.Where(m => m.Kind == MemberKind.Employee && m.Role == MemberRole.Member).Select(m => m.Id).ToList();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime);

        var closedJob = await db.Set<JobOpening>().Where(j => j.Status == JobStatus.Closed).OrderBy(j => j.Id).Select(j => j.Id).FirstAsync(ct);
        var hiredFromJob = await db.Set<JobInterest>().Where(i => i.OpeningId == closedJob).Select(i => i.MemberId).FirstAsync(ct);
        var contracts = await db.Set<Collaboration>().Where(c => c.Status == CollaborationStatus.Accepted
                && (c.Stage == CollaborationStage.Contract || c.Stage == CollaborationStage.Launched))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Departments, People = c.Members.Select(m => m.MemberId).ToList() }).ToListAsync(ct);
        var agm = await db.Set<Event>().Where(e => e.Kind == EventKind.Agm).Select(e => e.Id).FirstAsync(ct);
        var consultation = await db.Set<ConsultationRequest>().Where(r => r.Status == ConsultationStatus.Accepted).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.RequesterMemberId, r.RecipientMemberId }).FirstAsync(ct);
        var engaged = await db.Set<Projects.ProjectApplication>().Where(a => a.Status == Projects.ApplicationStatus.Engaged).OrderBy(a => a.Id)
            .Join(db.Set<Projects.Project>(), a => a.ProjectId, p => p.Id, (a, p) => new { a.MemberId, Project = p.Id, p.PostedByMemberId, p.Department }).FirstAsync(ct);
        var notices = await db.Set<Post>().Where(p => p.Room == Room.Notices && p.Status == PostStatus.Published).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.AuthorMemberId }).ToListAsync(ct);

        Outcome Make(OutcomeKind kind, int daysAgo, long? value, OutcomeSource source, long? sourceId, string departments, string note, params long[] people)
        {
            var at = now.AddDays(-daysAgo);
            var o = new Outcome
            {
                Kind = kind, Date = today.AddDays(-daysAgo), ValueYen = value, Source = source, SourceId = sourceId, Departments = departments, Note = note,
                RecordedByMemberId = admin, CreatedAt = at, UpdatedAt = at,
            };
            o.Members.AddRange(people.Distinct().Select(p => new OutcomeMember { MemberId = p }));
            return o;
        }
        long A(int i) => alumni[i % alumni.Count];
        long E(int i) => employees[i % employees.Count];

        var fromProject = Make(OutcomeKind.SideProject, 39, 600_000, OutcomeSource.Project, engaged.Project, engaged.Department, "サプライヤー算定の業務委託（3か月）。",
            engaged.MemberId, engaged.PostedByMemberId);
        var hiddenName = Make(OutcomeKind.Rehire, 280, null, OutcomeSource.Other, null, "エネルギー本部", "再入社。LNG事業の知見を活かしてトレーディングチームへ。", A(20));
        var outcomes = new List<Outcome>
        {
            Make(OutcomeKind.Rehire, 12, null, OutcomeSource.Job, closedJob, "金属本部", "求人ボードからの応募。元上司との面談を経て再入社。", hiredFromJob),
            hiddenName,
            Make(OutcomeKind.Rehire, 150, null, OutcomeSource.Other, null, "情報・金融本部", "アルムナイ交流会で近況を聞いた部長が声を掛け、再入社。", A(21), E(6)),
            Make(OutcomeKind.ReferralHire, 210, null, OutcomeSource.Other, null, "人事部\n情報・金融本部", "アルムナイの紹介で中途採用。", A(22), E(7)),
            Make(OutcomeKind.ReferralHire, 60, 2_000_000, OutcomeSource.Post, notices.Count > 2 ? notices[2].Id : null, "生活産業本部", "募集投稿を見たアルムナイが元同僚を紹介。", A(23), E(8)),
            Make(OutcomeKind.Deal, 35, 18_000_000, OutcomeSource.Collaboration, contracts[0].Id, contracts[0].Departments, "輸出支援の業務委託契約（初年度）。", [.. contracts[0].People]),
            Make(OutcomeKind.Deal, 148, 6_500_000, OutcomeSource.Collaboration, contracts[^1].Id, contracts[^1].Departments, "Scope3 算定ツールのライセンス契約。", [.. contracts[^1].People]),
            Make(OutcomeKind.Deal, 240, 9_800_000, OutcomeSource.Post, notices[0].Id, "食料本部", "告知投稿から商談、東南アジア向け輸出の代理店契約。", notices[0].AuthorMemberId, E(9)),
            Make(OutcomeKind.Deal, 320, 4_200_000, OutcomeSource.Other, null, "機械・インフラ本部", "アルムナイ企業への設備販売。", A(24), E(10)),
            Make(OutcomeKind.Investment, 250, 50_000_000, OutcomeSource.Other, null, "新規事業開発室\n経営企画部", "アルムナイ起業の物流SaaSへのCVC出資。", A(25), E(11)),
            fromProject,
            Make(OutcomeKind.SideProject, 110, 1_200_000, OutcomeSource.Other, null, "新規事業開発室", "新規事業の市場調査を副業で受託。", A(27), E(13)),
            Make(OutcomeKind.SideProject, 190, 800_000, OutcomeSource.Other, null, "広報部", "統合報告書の英文編集を業務委託。", A(28)),
            Make(OutcomeKind.SideProject, 300, 450_000, OutcomeSource.Other, null, "人事部", "採用広報の記事制作。", A(29)),
            Make(OutcomeKind.Engagement, 85, null, OutcomeSource.Event, agm, "人事部", "総会で登壇したアルムナイが新人研修の講師に。", A(30), E(14)),
            Make(OutcomeKind.Engagement, 80, null, OutcomeSource.Event, agm, "新規事業開発室", "総会での出会いから社内ベンチャーのメンターに。", A(31), E(15)),
            Make(OutcomeKind.Engagement, 2, null, OutcomeSource.Consultation, consultation.Id, "機械・インフラ本部", "相談から、物流新規事業のアドバイザーに。",
                consultation.RequesterMemberId, consultation.RecipientMemberId),
            Make(OutcomeKind.Engagement, 130, 150_000, OutcomeSource.Other, null, "経営企画部", "中期経営計画の社外有識者ヒアリング。", A(32)),
            Make(OutcomeKind.Engagement, 330, null, OutcomeSource.Other, null, "広報部", "アルムナイ座談会の社内報記事。", A(33), A(34), E(16)),
        };
        db.AddRange(outcomes);
        db.AddRange(
            new OutcomeKindValue { Kind = OutcomeKind.Rehire, ValueYen = 3_000_000 },
            new OutcomeKindValue { Kind = OutcomeKind.ReferralHire, ValueYen = 1_500_000 },
            new OutcomeKindValue { Kind = OutcomeKind.Engagement, ValueYen = 100_000 });
        await db.SaveChangesAsync(ct);
        // The rehired energy trader asked not to be named beyond the secretariat.
        await db.Set<OutcomeMember>().Where(m => m.OutcomeId == hiddenName.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.HideName, true), ct);
    }
}
