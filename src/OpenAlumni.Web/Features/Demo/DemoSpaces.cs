using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Spaces;
using OpenAlumni.Web.Infrastructure.Markdown;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// The demo network's spaces: the energy business (open), the Singapore office (by request, with requests waiting),
/// the 2005 intake (secret) and healthcare startups (open, moderated by the demo member), each with members,
/// moderators and posts, two with an event; and one network supporter.
/// </summary>
internal static class DemoSpaces
{
    public static async Task SeedAsync(AlumniDb db, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Approved().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Role, m.FamilyName, m.GivenName, m.UserId, Email = m.User!.Email }).ToListAsync(ct);
        var admin = members.First(m => m.Role == MemberRole.Admin).Id;
        var hanako = members.First(m => m.Email == "hanako.yamada@demo.localhost").Id;
        var people = members.Where(m => m.Role != MemberRole.Admin && m.Id != hanako).Select(m => m.Id).ToList();
        var markdown = new MarkdownRenderer();

        Space Make(string name, string nameEn, string description, string descriptionEn, SpaceKind kind, SpaceVisibility visibility, int daysAgo) => new()
        {
            Name = name, NameEn = nameEn, Description = description, DescriptionEn = descriptionEn, Kind = kind, Visibility = visibility,
            CreatedByMemberId = admin, CreatedAt = now.AddDays(-daysAgo), UpdatedAt = now.AddDays(-daysAgo),
        };
        var energy = Make("エネルギー事業OB・OG会", "Energy business alumni", "エネルギー本部・電力事業に関わったアルムナイと社員の集まりです。脱炭素・再エネの話題を中心に。",
            "Alumni and employees of the energy and power businesses: decarbonisation, renewables and the people behind them.", SpaceKind.BusinessUnit, SpaceVisibility.Open, 120);
        var singapore = Make("シンガポール拠点", "Singapore office", "シンガポール拠点に駐在・勤務した方、現在東南アジアで働く方のためのスペースです。参加はモデレーターが承認します。",
            "For those who worked in the Singapore office or work in Southeast Asia now. A moderator admits new members.", SpaceKind.Region, SpaceVisibility.Request, 90);
        var intake = Make("2005年入社 同期会", "2005 intake", "2005年入社の同期だけの場です（招待制）。", "Only for the 2005 intake (by invitation).", SpaceKind.Cohort, SpaceVisibility.Secret, 60);
        var health = Make("ヘルスケア・スタートアップ", "Healthcare startups", "ヘルスケア領域で起業・転職したアルムナイと、新規事業に関心のある社員のスペースです。",
            "Alumni who founded or joined healthcare startups, and employees exploring new business in healthcare.", SpaceKind.Interest, SpaceVisibility.Open, 45);
        db.AddRange(energy, singapore, intake, health);
        await db.SaveChangesAsync(ct);

        void Join(Space s, long member, int daysAgo, SpaceRole role = SpaceRole.Member, SpaceMemberStatus status = SpaceMemberStatus.Member) =>
            db.Add(new SpaceMember
            {
                SpaceId = s.Id, MemberId = member, Role = role, Status = status, CreatedAt = now.AddDays(-daysAgo),
                JoinedAt = status == SpaceMemberStatus.Member ? now.AddDays(-daysAgo) : null,
            });
        // Members from different slices of the network, so that each space has its own people (and some overlap).
        foreach (var (p, i) in people.Take(22).Select((p, i) => (p, i))) Join(energy, p, 110 - i * 4, i == 0 ? SpaceRole.Moderator : SpaceRole.Member);
        foreach (var (p, i) in people.Skip(18).Take(12).Select((p, i) => (p, i))) Join(singapore, p, 80 - i * 5, i == 0 ? SpaceRole.Moderator : SpaceRole.Member);
        foreach (var p in people.Skip(40).Take(3)) Join(singapore, p, 2, status: SpaceMemberStatus.Pending);
        foreach (var (p, i) in people.Skip(8).Take(9).Select((p, i) => (p, i))) Join(intake, p, 55 - i * 3, i == 0 ? SpaceRole.Moderator : SpaceRole.Member);
        Join(intake, hanako, 1, status: SpaceMemberStatus.Invited);
        Join(health, hanako, 44, SpaceRole.Moderator);
        foreach (var (p, i) in people.Skip(28).Take(14).Select((p, i) => (p, i))) Join(health, p, 40 - i * 2);
        db.Add(new Supporter { MemberId = people[1], AppointedByMemberId = admin, AppointedAt = now.AddDays(-30) });
        await db.SaveChangesAsync(ct);

        Post Write(Space s, long author, Room room, NoticeCategory? category, string title, string body, int daysAgo, bool pinned = false)
        {
            var at = now.AddDays(-daysAgo);
            var post = new Post
            {
                SpaceId = s.Id, AuthorMemberId = author, Room = room, Category = category, Title = title, Body = body, BodyHtml = markdown.ToHtml(body),
                Status = PostStatus.Published, CreatedAt = at, PublishedAt = at, Pinned = pinned,
            };
            var a = members.First(m => m.Id == author);
            PostAudience.IndexForSearch(post, PersonName.Display(a.FamilyName, a.GivenName));
            return post;
        }
        db.AddRange(
            Write(energy, people[0], Room.Updates, null, "ようこそ、エネルギー事業OB・OG会へ", "自己紹介と、今取り組んでいるテーマをコメントでどうぞ。月1回のオンライン雑談会も予定しています。", 100, pinned: true),
            Write(energy, people[3], Room.Updates, null, "洋上風力のプロジェクトファイナンスに携わっています", "在籍時の電力事業の経験が活きています。現役の方と情報交換できれば嬉しいです。", 12),
            Write(energy, people[6], Room.Notices, NoticeCategory.Consultation, "系統用蓄電池の事業性評価について相談させてください", "中堅デベロッパーで蓄電池事業を立ち上げ中です。評価モデルの作り方をご経験者に伺いたいです。", 4),
            Write(singapore, people[18], Room.Updates, null, "Welcome to the Singapore office space", "Introduce yourself and tell us where you are based now. We meet for dinner every quarter.", 70, pinned: true),
            Write(singapore, people[20], Room.Notices, NoticeCategory.Business, "東南アジアでの販路開拓を支援しています", "現地小売チェーンとのネットワークを活かして、日本企業の進出を伴走しています。", 8),
            Write(intake, people[8], Room.Updates, null, "20周年の同期会をやりましょう", "来年で入社20年です。幹事を募集しています。", 20),
            Write(health, hanako, Room.Updates, null, "ヘルスケア・スタートアップのスペースを始めました", "物流×医療の領域で事業をしている山田です。起業・転職の経験談や、社内の新規事業の相談もどうぞ。", 40, pinned: true),
            Write(health, people[29], Room.Notices, NoticeCategory.Job, "医療データのエンジニアを募集しています", "創業2年目のヘルスケアスタートアップです。商社出身の方、歓迎します。", 3));
        await db.SaveChangesAsync(ct);

        DateTimeOffset Tokyo(DateTimeOffset day, int hour) => new DateTimeOffset(day.Year, day.Month, day.Day, hour, 0, 0, TimeSpan.FromHours(9)).ToUniversalTime();
        var dinner = now.AddDays(16);
        var pitchDay = now.AddDays(30);
        db.AddRange(
            new Event
            {
                SpaceId = singapore.Id, Title = "Singapore alumni dinner", Kind = EventKind.Meetup, Format = EventFormat.Offline, Status = EventStatus.Published,
                Description = "Our quarterly dinner near Raffles Place. Members of the Singapore office space only.",
                StartsAt = Tokyo(dinner, 20), EndsAt = Tokyo(dinner, 22), Venue = "Raffles Place", Address = "Singapore", CapacityInPerson = 20,
                CreatedByMemberId = people[18], CreatedAt = now.AddDays(-5), UpdatedAt = now.AddDays(-5), PublishedAt = now.AddDays(-5),
            },
            new Event
            {
                SpaceId = health.Id, Title = "ヘルスケア起業ナイト", Kind = EventKind.Meetup, Format = EventFormat.Online, Status = EventStatus.Published,
                Description = "ヘルスケア領域で起業したアルムナイ3名が、事業と起業までの道のりを話します。",
                StartsAt = Tokyo(pitchDay, 19), EndsAt = Tokyo(pitchDay, 20), OnlineUrl = "https://meet.example/health-night", CapacityOnline = 100,
                CreatedByMemberId = hanako, CreatedAt = now.AddDays(-2), UpdatedAt = now.AddDays(-2), PublishedAt = now.AddDays(-2),
            });
        await db.SaveChangesAsync(ct);
    }
}
