using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Analytics;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Infrastructure.Markdown;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// A year of life for the demo network, so that the analytics charts have something to show: activity
/// days, monthly meetups with sign-ups and check-ins, alumni updates spread over the months, the privacy
/// policy in two versions, each member's consents (a few withdrawn), and some stale profiles.
/// </summary>
internal static class DemoActivity
{
    static readonly string[] UpdateTitles =
    [
        "転職しました：新しい職場でのご報告", "ベンチャーの資金調達が完了しました", "地方で農業法人を立ち上げました", "社会人大学院を修了しました",
        "新規事業の立ち上げメンバーを募集中です", "海外駐在から戻りました", "NPOの理事に就任しました", "書籍を出版しました",
        "Joined a climate-tech startup as CFO", "Moved to Singapore for a new role", "Started a consulting practice", "Back in Tokyo after five years abroad",
    ];

    public static async Task SeedAsync(AlumniDb db, DateTimeOffset now, CancellationToken ct)
    {
        var rng = new Random(11);
        var members = await db.Members.Approved().OrderBy(m => m.Id).ToListAsync(ct);
        var admin = members.First(m => m.Role == MemberRole.Admin);
        var markdown = new MarkdownRenderer();

        // The privacy policy: first published a year ago, revised three months ago.
        var v2At = now.AddMonths(-3);
        foreach (var (version, at, ja, en) in new[]
        {
            (1, now.AddMonths(-13), "デモ商事アルムナイネットワークは、登録いただいた個人情報を以下の利用目的の範囲で取り扱います。", "Demo Shoji's alumni network handles the personal data you register within the purposes of use below."),
            (2, v2At, "デモ商事アルムナイネットワークは、登録いただいた個人情報を以下の利用目的の範囲で取り扱います。\n\n2026年改定：イベントでの写真撮影を利用目的に追加しました。", "Demo Shoji's alumni network handles the personal data you register within the purposes of use below.\n\n2026 revision: event photography was added as a purpose of use."),
        })
        {
            db.Add(new PrivacyPolicy { Culture = "ja", Version = version, Text = ja, CreatedAt = at, CreatedByMemberId = admin.Id });
            db.Add(new PrivacyPolicy { Culture = "en", Version = version, Text = en, CreatedAt = at, CreatedByMemberId = admin.Id });
        }

        var hanako = members.First(m => m.FamilyName == "山田" && m.GivenName == "花子");
        var storyMembers = await db.Set<Community.FeaturedStory>().OrderBy(s => s.Id).Select(s => s.MemberId).ToListAsync(ct);
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            // Consents as given at registration, then a few withdrawals since.
            var granted = Consents.RegistrationDefault | (rng.Next(3) > 0 ? Purpose.EventPhotos : Purpose.None)
                | (rng.Next(2) == 0 ? Purpose.Featured : Purpose.None) | (m.Kind == MemberKind.Alumni && rng.Next(2) == 0 ? Purpose.RehireContact : Purpose.None);
            if (m.Id == hanako.Id || m.Id == admin.Id) granted = Consents.All.Aggregate(Purpose.None, (a, p) => a | p);
            // The community page's featured stories: the first two members chosen agreed, the third has not (yet).
            if (storyMembers.IndexOf(m.Id) is var story and >= 0) granted = story < 2 ? granted | Purpose.Featured : granted & ~Purpose.Featured;
            var version = m.CreatedAt < v2At ? 1 : 2;
            foreach (var p in Consents.All)
                db.Add(new ConsentRecord { MemberId = m.Id, Purpose = p, Granted = (granted & p) != 0, PolicyVersion = version, At = m.CreatedAt });
            var withdraw = i % 17 == 5 ? Purpose.CompanyNews : i % 23 == 7 ? Purpose.Directory : Purpose.None;
            if (withdraw != Purpose.None && m.Id != hanako.Id && m.Id != admin.Id)
            {
                granted &= ~withdraw;
                db.Add(new ConsentRecord { MemberId = m.Id, Purpose = withdraw, Granted = false, PolicyVersion = 2, At = now.AddDays(-rng.Next(5, 60)) });
            }
            m.WithheldPurposes = Consents.All.Aggregate(Purpose.None, (a, p) => (granted & p) == 0 ? a | p : a);

            // Most profiles confirmed within the year; every eighth not for well over a year (stale).
            var sinceCreated = Math.Max(1, (int)(now - m.CreatedAt).TotalDays);
            m.ConfirmedAt = i % 8 == 3 && sinceCreated > 400
                ? m.CreatedAt.AddDays(rng.Next(0, sinceCreated - 390))
                : now.AddDays(-rng.Next(0, Math.Min(sinceCreated, 300)));

            // Activity: some members daily-ish, most now and then, a few rarely; busier lately.
            var engagement = i % 5 == 0 ? 0.35 : i % 5 == 4 ? 0.03 : 0.10;
            for (var d = 0; d < Math.Min(365, sinceCreated); d++)
            {
                var recency = 0.4 + 0.6 * (365 - d) / 365.0;
                if (rng.NextDouble() < engagement * recency)
                    db.Add(new MemberActivity { MemberId = m.Id, Day = DateOnly.FromDateTime(now.AddDays(-d).UtcDateTime) });
            }
        }

        // A monthly meetup for the past year (older than the AGM), with sign-ups and check-ins.
        var people = members.Where(m => m.Role != MemberRole.Admin).ToList();
        for (var month = 4; month <= 12; month++)
        {
            var day = now.AddMonths(-month);
            var start = new DateTimeOffset(day.Year, day.Month, Math.Min(day.Day, 28), 19, 0, 0, TimeSpan.FromHours(9)).ToUniversalTime();
            var signed = people.OrderBy(_ => rng.Next()).Take(8 + rng.Next(0, 12)).ToList();
            var e = new Event
            {
                Title = $"アルムナイ交流会 {start.ToOffset(TimeSpan.FromHours(9)):yyyy年M月}", Kind = EventKind.Meetup, Format = EventFormat.Offline, Status = EventStatus.Published,
                Description = "月例の交流会です。", StartsAt = start, EndsAt = start.AddHours(2), Venue = "本社 1F カフェ", CapacityInPerson = 30, ConfirmedInPerson = signed.Count,
                CreatedByMemberId = admin.Id, CreatedAt = start.AddDays(-30), UpdatedAt = start.AddDays(-30), PublishedAt = start.AddDays(-30),
            };
            db.Add(e);
            await db.SaveChangesAsync(ct);
            foreach (var (p, k) in signed.Select((p, k) => (p, k)))
                db.Add(new Rsvp
                {
                    EventId = e.Id, MemberId = p.Id, Mode = AttendanceMode.InPerson, Status = RsvpStatus.Confirmed, CreatedAt = start.AddDays(-20 + k % 15), UpdatedAt = start.AddDays(-20 + k % 15),
                    TicketCode = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24)), CheckedInAt = rng.Next(5) > 0 ? start.AddMinutes(-10 + k) : null,
                });
        }

        // Alumni updates spread over the year, each with a few reactions.
        var alumni = people.Where(m => m.Kind == MemberKind.Alumni).ToList();
        for (var k = 0; k < 24; k++)
        {
            var author = alumni[rng.Next(alumni.Count)];
            var at = now.AddDays(-30 - rng.Next(0, 330));
            if (at < author.CreatedAt) at = author.CreatedAt.AddDays(1);
            var title = UpdateTitles[k % UpdateTitles.Length];
            var body = title + "。皆さまとまたご一緒できれば嬉しいです。";
            var post = new Post { AuthorMemberId = author.Id, Room = Room.Updates, Title = title, Body = body, BodyHtml = markdown.ToHtml(body), Status = PostStatus.Published, CreatedAt = at, PublishedAt = at };
            PostAudience.IndexForSearch(post, PersonName.Display(author.FamilyName, author.GivenName));
            db.Add(post);
            await db.SaveChangesAsync(ct);
            foreach (var r in people.OrderBy(_ => rng.Next()).Take(rng.Next(1, 6)).Where(r => r.Id != author.Id))
                db.Add(new Reaction { PostId = post.Id, MemberId = r.Id, Kind = (ReactionKind)rng.Next(0, 4), CreatedAt = at.AddHours(rng.Next(1, 48)) });
        }
        await db.SaveChangesAsync(ct);
    }
}
