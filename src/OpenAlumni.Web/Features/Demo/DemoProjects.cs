using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Jobs;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Projects;
using OpenAlumni.Web.Infrastructure.Markdown;
using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// The demo network's side projects: two from the company's departments (one confidential), one from an alumna's
/// startup, one closed and engaged (its engagement is in the outcome ledger, see <see cref="DemoOutcomes"/>), with
/// applications in every state. The demo member is open to side projects, with skills that match one of them.
/// </summary>
internal static class DemoProjects
{
    public static async Task SeedAsync(AlumniDb db, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Approved && m.Role == MemberRole.Member).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.User!.Email }).ToListAsync(ct);
        var hanako = members.First(m => m.Email == "hanako.yamada@demo.localhost").Id;
        var alumni = members.Where(m => m.Kind == MemberKind.Alumni && m.Id != hanako).Select(m => m.Id).ToList();
        var employees = members.Where(m => m.Kind == MemberKind.Employee).Select(m => m.Id).ToList();
        var markdown = new MarkdownRenderer();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime);

        // Hanako takes side work in market research: she sees the research project first.
        var me = await db.Members.Include(m => m.Tags).FirstAsync(m => m.Id == hanako, ct);
        me.OpenTo |= OpenTo.SideProjects;
        if (!me.Tags.Any(t => t.Key == SearchText.Normalize("市場調査")))
            me.Tags.Add(new ProfileTag { TenantId = me.TenantId, Kind = TagKind.Skill, Name = "市場調査", Key = SearchText.Normalize("市場調査") });
        me.Availability = "週8時間程度、平日夜と土曜";
        MemberSearchIndex.Update(me);

        Project Make(string title, string description, string skills, string department, int startsIn, int weeks, int? hours, RemoteWork remote, string place,
            long? feeMin, long? feeMax, int closesIn, bool confidential, ProjectStatus status, int postedDaysAgo, long by) => new()
        {
            Title = title, Description = description, DescriptionHtml = markdown.ToHtml(description), Skills = skills, Department = department,
            StartsOn = today.AddDays(startsIn), EndsOn = today.AddDays(startsIn + 7 * weeks), HoursPerWeek = hours, Remote = remote, Place = place,
            FeeMinYen = feeMin, FeeMaxYen = feeMax, ClosesAt = now.AddDays(closesIn), Confidential = confidential, Status = status, PostedByMemberId = by,
            CreatedAt = now.AddDays(-postedDaysAgo), UpdatedAt = now.AddDays(-postedDaysAgo),
        };
        var projects = new[]
        {
            Make("東南アジア食品市場の調査（3か月）", "新規事業開発室で検討中の食品輸出事業について、タイ・ベトナムの市場調査をお願いします。\n\n- 競合と価格帯の調査\n- 現地小売チェーンへのヒアリング（2〜3社）\n\n商社での食品・小売の経験を歓迎します。",
                "市場調査, 食品, 東南アジア", "新規事業開発室", 30, 12, 8, RemoteWork.Remote, "", 300_000, 500_000, 21, false, ProjectStatus.Open, 5, employees[0]),
            Make("次期基幹システム選定のアドバイザー", "財務部の基幹システム刷新に向けて、ベンダー選定の壁打ち相手を探しています。詳細は選考に進んだ方にお伝えします。",
                "ERP, 会計, プロジェクト管理", "財務部", 45, 16, 4, RemoteWork.Hybrid, "東京本社（大手町）", null, null, 30, true, ProjectStatus.Open, 3, employees[1 % employees.Count]),
            Make("物流SaaSの営業資料の英訳", "アルムナイ起業の物流SaaSです。シンガポール展開に向けて、営業資料（約30枚）の英訳をお願いできる方を探しています。",
                "翻訳, 英語, 物流", "", 10, 4, 5, RemoteWork.Remote, "", 150_000, 150_000, 14, false, ProjectStatus.Open, 2, alumni[5 % alumni.Count]),
            Make("サプライヤーのScope3算定支援", "化学品本部の主要サプライヤー20社について、Scope3算定の支援をお願いしました。",
                "Scope3算定, 脱炭素", "化学品本部", -40, 12, 10, RemoteWork.Hybrid, "東京本社（大手町）", 500_000, 800_000, -35, false, ProjectStatus.Closed, 60, employees[2 % employees.Count]),
        };
        db.AddRange(projects);
        await db.SaveChangesAsync(ct);

        ProjectApplication Apply(Project p, long who, string note, ApplicationStatus status, int daysAgo, string answer = "") => new()
        {
            ProjectId = p.Id, MemberId = who, Note = note, Status = status, Answer = answer, CreatedAt = now.AddDays(-daysAgo),
            DecidedAt = status == ApplicationStatus.Applied ? null : now.AddDays(-daysAgo + 1),
        };
        db.AddRange(
            Apply(projects[0], alumni[10 % alumni.Count], "食品メーカーで海外営業を6年経験しました。平日夜と週末に対応できます。", ApplicationStatus.Shortlisted, 3, "ありがとうございます。来週30分ほどお話しできますか。"),
            Apply(projects[0], alumni[11 % alumni.Count], "市場調査会社で東南アジアを担当していました。", ApplicationStatus.Applied, 1),
            Apply(projects[1], alumni[12 % alumni.Count], "SAP導入のPMOを2社で経験しています。", ApplicationStatus.Applied, 1),
            Apply(projects[2], employees[3 % employees.Count], "シンガポール駐在経験があり、物流用語にも慣れています。", ApplicationStatus.Declined, 1, "今回は社外の方にお願いすることにしました。ありがとうございました。"),
            Apply(projects[3], alumni[26 % alumni.Count], "Scope3算定ツールを開発しています。サプライヤー向けの実務に対応できます。", ApplicationStatus.Engaged, 40, "ぜひお願いします。"));
        await db.SaveChangesAsync(ct);
    }
}
