using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Community;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Markdown;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// The demo network's rehire openings (open, closed and a draft, with interests and a referral), its
/// collaborations in several stages with their history, and the public community page, switched on with two stories.
/// </summary>
internal static class DemoConnections
{
    public static async Task SeedAsync(AlumniDb db, long tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Approved().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.Role }).ToListAsync(ct);
        var admin = members.First(m => m.Role == MemberRole.Admin).Id;
        var alumni = members.Where(m => m.Kind == MemberKind.Alumni && m.Role != MemberRole.Admin).Select(m => m.Id).ToList();
        var employees = members.Where(m => m.Kind == MemberKind.Employee && m.Role != MemberRole.Admin).Select(m => m.Id).ToList();
        await SeedJobsAsync(db, admin, alumni, employees, now, ct);
        await SeedCollaborationsAsync(db, admin, alumni, employees, now, ct);
        await SeedCommunityAsync(db, tenantId, admin, alumni, now, ct);
    }

    static async Task SeedJobsAsync(AlumniDb db, long admin, List<long> alumni, List<long> employees, DateTimeOffset now, CancellationToken ct)
    {
        // One employee recruits for the company besides the secretariat.
        var recruiter = await db.Members.FirstAsync(m => m.Id == employees[0], ct);
        recruiter.IsRecruiter = true;
        var markdown = new MarkdownRenderer();
        JobOpening Job(string title, string department, string location, RemoteWork remote, string description, string keywords, int closesInDays, JobStatus status, int postedDaysAgo, long by) => new()
        {
            Title = title, Department = department, Location = location, Remote = remote, Description = description, DescriptionHtml = markdown.ToHtml(description),
            HowToApply = "人事部 アルムナイ採用窓口（alumni-recruit@demo-shoji.example）までご連絡ください。カジュアル面談から始められます。",
            Keywords = keywords, ClosesAt = now.AddDays(closesInDays), Status = status, PostedByMemberId = by,
            CreatedAt = now.AddDays(-postedDaysAgo), UpdatedAt = now.AddDays(-postedDaysAgo), AnnouncedAt = status == JobStatus.Draft ? null : now.AddDays(-postedDaysAgo),
        };
        var jobs = new[]
        {
            Job("物流DX 事業開発マネージャー", "機械・インフラ本部", "東京本社（大手町）", RemoteWork.Hybrid,
                "物流スタートアップとの協業を推進するポジションです。\n\n- 新規事業の企画と推進\n- 社外パートナーとの協業管理\n\n**歓迎**：事業会社やスタートアップでの経験", "物流, 事業開発, 新規事業", 40, JobStatus.Open, 6, admin),
            Job("サステナビリティ推進 シニアスペシャリスト", "サステナビリティ推進部", "東京本社（大手町）", RemoteWork.Remote,
                "Scope3 算定と開示の高度化をリードしていただきます。コンサルティングや事業会社での実務経験を歓迎します。", "ESG, Scope3, 脱炭素", 25, JobStatus.Open, 12, employees[0]),
            Job("Digital product manager (English)", "デジタル戦略部", "Singapore", RemoteWork.Onsite,
                "Lead the regional e-commerce platform with the Singapore team. Japanese is a plus, not a must.", "product management, e-commerce, SaaS", 60, JobStatus.Open, 2, employees[0]),
            Job("金属資源トレーディング 課長代理", "金属本部", "大阪支社", RemoteWork.Onsite,
                "鉄鋼原料のトレーディング業務。", "トレーディング, 金属", -10, JobStatus.Closed, 50, admin),
            Job("法務部 契約審査担当（準備中）", "法務部", "東京本社（大手町）", RemoteWork.Hybrid, "公開前の下書きです。", "法務, 契約", 30, JobStatus.Draft, 1, admin),
        };
        db.AddRange(jobs);
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < 6; i++)
            db.Add(new JobInterest { OpeningId = jobs[i % 3].Id, MemberId = alumni[i + 1], ConsentToShare = i % 2 == 0, CreatedAt = now.AddDays(-1 - i) });
        db.Add(new JobInterest { OpeningId = jobs[3].Id, MemberId = alumni[8], ConsentToShare = true, CreatedAt = now.AddDays(-30) });
        db.Add(new JobReferral
        {
            OpeningId = jobs[0].Id, ReferrerMemberId = employees[1], Name = "小林 直樹", Email = "naoki.kobayashi@example.org",
            Note = "前職の同僚です。物流スタートアップで事業開発を3年担当しています。", CreatedAt = now.AddDays(-3),
        });
        await db.SaveChangesAsync(ct);
    }

    static async Task SeedCollaborationsAsync(AlumniDb db, long admin, List<long> alumni, List<long> employees, DateTimeOffset now, CancellationToken ct)
    {
        var pitch = await db.Set<Pitch>().OrderBy(p => p.Id).Select(p => new { p.Id, p.MemberId }).FirstAsync(ct);
        var consultationPost = await db.Set<Post>().Where(p => p.Category == NoticeCategory.Consultation).Select(p => new { p.Id, p.AuthorMemberId }).FirstAsync(ct);
        var businessPost = await db.Set<Post>().Where(p => p.Category == NoticeCategory.Business).Select(p => new { p.Id, p.AuthorMemberId }).FirstAsync(ct);
        var meetup = await db.Set<Event>().Where(e => e.Kind == EventKind.Meetup).Select(e => e.Id).FirstAsync(ct);

        Collaboration Make(string title, string description, string departments, CollaborationOrigin? origin, long? originId, long[] people,
            (CollaborationStage Stage, int DaysAgo, string? Reason)[] path, CollaborationStatus status = CollaborationStatus.Accepted, long? proposer = null)
        {
            var c = new Collaboration
            {
                Title = title, Description = description, Departments = departments, OriginKind = origin, OriginId = originId, Status = status,
                ProposedByMemberId = proposer ?? admin, CreatedAt = now.AddDays(-path[0].DaysAgo), UpdatedAt = now.AddDays(-path[^1].DaysAgo),
                StageChangedAt = now.AddDays(-path[^1].DaysAgo), Stage = path[^1].Stage,
                AcceptedAt = status == CollaborationStatus.Accepted ? now.AddDays(-path[0].DaysAgo) : null,
            };
            c.Members.AddRange(people.Distinct().Select(p => new CollaborationMember { MemberId = p }));
            CollaborationStage? from = null;
            foreach (var (stage, daysAgo, reason) in path)
            {
                c.History.Add(new CollaborationStageChange { From = from, To = stage, At = now.AddDays(-daysAgo), ByMemberId = proposer ?? admin, Reason = reason });
                from = stage;
            }
            return c;
        }

        db.AddRange(
            Make("ミライ物流 × 機械・インフラ本部 共同配送PoC", "ピッチナイトで出会ったアルムナイ起業の物流SaaSと、中小倉庫向けの共同配送を実証中。",
                "機械・インフラ本部\nDX推進室", CollaborationOrigin.Pitch, pitch.Id, [pitch.MemberId, employees[2]],
                [(CollaborationStage.Idea, 120, null), (CollaborationStage.Talking, 95, null), (CollaborationStage.Poc, 30, null)]),
            Make("地方食品メーカー輸出支援の業務提携", "アルムナイの輸出支援サービスと食料本部の取引網を組み合わせる提携。",
                "食料本部", CollaborationOrigin.Post, businessPost.Id, [businessPost.AuthorMemberId, employees[3]],
                [(CollaborationStage.Idea, 200, null), (CollaborationStage.Talking, 170, null), (CollaborationStage.Poc, 120, null), (CollaborationStage.Contract, 40, null)]),
            Make("Scope3 算定ツールの社内導入", "相談投稿から始まり、化学品本部のサプライヤー算定に採用された。",
                "化学品本部\nサステナビリティ推進部", CollaborationOrigin.Post, consultationPost.Id, [consultationPost.AuthorMemberId, employees[4]],
                [(CollaborationStage.Idea, 300, null), (CollaborationStage.Talking, 280, null), (CollaborationStage.Poc, 220, null), (CollaborationStage.Contract, 150, null), (CollaborationStage.Launched, 60, null)]),
            Make("大阪アルムナイ交流会発 地域スタートアップ連携", "交流会での出会いから、関西のスタートアップと新規事業を協議中。",
                "関西支社", CollaborationOrigin.Event, meetup, [alumni[6], employees[5]],
                [(CollaborationStage.Idea, 20, null), (CollaborationStage.Talking, 8, null)]),
            Make("社内副業マッチング制度", "退職者と現役社員が小さく一緒に働ける制度。法務確認の結果、今期は見送り。",
                "人事部\n法務部", CollaborationOrigin.Other, null, [alumni[3], employees[1]],
                [(CollaborationStage.Idea, 150, null), (CollaborationStage.Talking, 120, null), (CollaborationStage.Poc, 90, null),
                 (CollaborationStage.Talking, 70, "PoC の範囲を見直して再協議"), (CollaborationStage.Stopped, 30, "就業規則の改定が必要なため今期は見送り")]),
            Make("アルムナイ講師による新人研修", "アルムナイが新人研修で講師を務める提案。", "人事部", CollaborationOrigin.Other, null, [alumni[7]],
                [(CollaborationStage.Idea, 2, null)], CollaborationStatus.Proposed, alumni[7]));
        await db.SaveChangesAsync(ct);
    }

    static async Task SeedCommunityAsync(AlumniDb db, long tenantId, long admin, List<long> alumni, DateTimeOffset now, CancellationToken ct)
    {
        await db.Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CommunityPageEnabled, true), ct);
        // Hanako (alumni[0]) and one more alumna agreed to be featured; a third story waits for consent and is not
        // shown (the consents themselves are given in DemoActivity, with everyone else's).
        db.AddRange(
            new FeaturedStory { MemberId = alumni[0], Story = "退職後に物流スタートアップを創業。ピッチナイトをきっかけに、古巣の機械・インフラ本部と共同配送の実証を始めました。", ChosenByMemberId = admin, CreatedAt = now.AddDays(-10) },
            new FeaturedStory { MemberId = alumni[2], Story = "After ten years in the energy division I joined a climate-tech VC. I now meet colleagues from my old team at every alumni meetup.", ChosenByMemberId = admin, CreatedAt = now.AddDays(-5) },
            new FeaturedStory { MemberId = alumni[4], Story = "（本人の同意待ち）", ChosenByMemberId = admin, CreatedAt = now.AddDays(-1) });
        await db.SaveChangesAsync(ct);
    }
}
