using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Infrastructure.Markdown;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>The demo network's feed: company news (one targeted), alumni updates, and the notices room's business, consultation and job posts, with replies and reactions.</summary>
internal static class DemoPosts
{
    public static async Task SeedAsync(AlumniDb db, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Approved().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.Role, m.FamilyName, m.GivenName }).ToListAsync(ct);
        var admin = members.First(m => m.Role == MemberRole.Admin).Id;
        var alumni = members.Where(m => m.Kind == MemberKind.Alumni && m.Role != MemberRole.Admin).ToList();
        var employees = members.Where(m => m.Kind == MemberKind.Employee && m.Role != MemberRole.Admin).ToList();
        var markdown = new MarkdownRenderer();
        var rng = new Random(7);

        Post Make(long author, Room room, NoticeCategory? category, string title, string body, int daysAgo)
        {
            var at = now.AddDays(-daysAgo).AddHours(-rng.Next(0, 10));
            var p = new Post
            {
                AuthorMemberId = author, Room = room, Category = category, Title = title, Body = body, BodyHtml = markdown.ToHtml(body),
                Status = PostStatus.Published, CreatedAt = at, PublishedAt = at,
            };
            var a = members.First(m => m.Id == author);
            PostAudience.IndexForSearch(p, PersonName.Display(a.FamilyName, a.GivenName));
            return p;
        }

        var posts = new List<Post>
        {
            Make(admin, Room.Announcements, null, "アルムナイ・ピッチナイト vol.3 参加者募集", "今年もアルムナイの皆さまが取り組む事業を社員に紹介するピッチナイトを開催します。\n\n**ピッチ登壇者も募集中です。** イベントページからお申し込みください。", 3),
            Make(admin, Room.Announcements, null, "New: the alumni network now speaks English", "The whole network is now available in English as well as Japanese. Switch with the button at the top right.", 20),
            Make(admin, Room.Announcements, null, "【金属本部OB・OG限定】部門交流会のご案内", "金属本部に在籍されていたアルムナイの皆さまを対象に、部門交流会を開催します。", 6),
            Make(alumni[0].Id, Room.Updates, null, "物流スタートアップを創業して3年が経ちました", "商社時代に学んだ現場感覚が今も活きています。最近は中小倉庫向けの在庫最適化に注力しています。", 2),
            Make(alumni[1].Id, Room.Updates, null, "シンガポールに拠点を移しました", "東南アジアの食品流通に関わる仕事をしています。現地にいらっしゃる方、ぜひお声がけください。", 9),
            Make(alumni[2].Id, Room.Updates, null, "Joined a climate-tech VC as a partner", "After years in the energy division I am now investing in decarbonisation startups. Happy to talk with anyone exploring the space.", 14),
            Make(alumni[3].Id, Room.Notices, NoticeCategory.Business, "地方食品メーカーの輸出支援サービスを始めました", "東南アジアの小売チェーンとのネットワークを活かして、輸出の立ち上げを伴走します。ご紹介いただける企業があればぜひ。", 5),
            Make(alumni[4].Id, Room.Notices, NoticeCategory.Consultation, "製造業のScope3算定について相談させてください", "中堅メーカー向けの算定ツールを作っています。現役の化学品本部の方に、サプライヤーとの実務を伺えると嬉しいです。", 4),
            Make(alumni[5].Id, Room.Notices, NoticeCategory.Job, "プロダクトマネージャーを募集しています（物流SaaS）", "創業4年目の物流SaaSで、最初のPMを探しています。商社出身の方は歓迎です。", 1),
        };
        var metalOnly = posts[2];
        metalOnly.SegmentKind = MemberKind.Alumni;
        metalOnly.Segment = new Segment { Department = "金属本部" };
        posts[0].Pinned = true;
        var job = posts[^1];
        job.JobRole = "プロダクトマネージャー";
        job.JobPlace = "東京・大手町（週2日リモート可）";
        job.JobHowToApply = "この投稿に「興味あり」を付けるか、メッセージでご連絡ください。";
        job.JobUntil = now.AddDays(45);
        db.AddRange(posts);
        await db.SaveChangesAsync(ct);

        string[] replies = ["おめでとうございます！", "ぜひ一度お話を伺いたいです。", "Great news, congratulations!", "社内の関連部署をご紹介できるかもしれません。", "応援しています。"];
        foreach (var post in posts.Where(p => p.Room != Room.Announcements))
        {
            var commenters = members.Where(m => m.Id != post.AuthorMemberId).OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).ToList();
            Comment? first = null;
            foreach (var c in commenters)
            {
                var body = replies[rng.Next(replies.Length)];
                var comment = new Comment { PostId = post.Id, AuthorMemberId = c.Id, Body = body, BodyHtml = markdown.ToHtml(body), CreatedAt = post.CreatedAt.AddHours(rng.Next(1, 30)), ParentCommentId = first?.Id };
                db.Add(comment);
                await db.SaveChangesAsync(ct);
                first ??= comment;
                post.CommentCount++;
            }
            foreach (var m in members.Where(m => m.Id != post.AuthorMemberId).OrderBy(_ => rng.Next()).Take(rng.Next(2, 12)))
                db.Add(new Reaction { PostId = post.Id, MemberId = m.Id, Kind = (ReactionKind)rng.Next(0, 4), CreatedAt = post.CreatedAt.AddHours(rng.Next(1, 48)) });
        }
        foreach (var e in employees.Take(3)) db.Add(new PostInterest { PostId = job.Id, MemberId = e.Id, CreatedAt = job.CreatedAt.AddHours(5) });
        foreach (var a in alumni.Skip(10).Take(2)) db.Add(new PostInterest { PostId = job.Id, MemberId = a.Id, CreatedAt = job.CreatedAt.AddHours(8) });
        await db.SaveChangesAsync(ct);
    }
}
