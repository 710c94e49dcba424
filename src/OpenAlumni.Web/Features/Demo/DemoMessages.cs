using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Consultations;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Messages;
using OpenAlumni.Web.Infrastructure.Markdown;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// The demo network's conversations (one of them unread by the demo member, one a group) and consultation
/// requests in every state, most of them to the demo member 山田 花子, who is open to consultation; one
/// reported message waits in the secretariat's queue.
/// </summary>
internal static class DemoMessages
{
    public static async Task SeedAsync(AlumniDb db, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Approved && m.Role == MemberRole.Member).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.OpenTo, m.User!.Email }).ToListAsync(ct);
        var hanako = members.First(m => m.Email == "hanako.yamada@demo.localhost").Id;
        var employeeIds = members.Where(m => m.Kind == MemberKind.Employee).Select(m => m.Id).ToList();
        long Employee(int i) => employeeIds[i % employeeIds.Count];
        var alumni = members.Where(m => m.Kind == MemberKind.Alumni && m.Id != hanako).Select(m => m.Id).ToList();
        var openAlumnus = members.Where(m => m.Kind == MemberKind.Alumni && m.Id != hanako && m.OpenTo.HasFlag(OpenTo.Consultation)).Select(m => m.Id).FirstOrDefault();
        var markdown = new MarkdownRenderer();

        async Task<(Conversation Conversation, List<Message> Messages)> TalkAsync(long[] people, long? unreadBy, params (int Who, string Body, double HoursAgo)[] lines)
        {
            var start = now.AddHours(-lines[0].HoursAgo);
            var c = new Conversation { StartedByMemberId = people[lines[0].Who], CreatedAt = start, LastMessageAt = now.AddHours(-lines[^1].HoursAgo) };
            foreach (var p in people) c.Participants.Add(new ConversationParticipant { MemberId = p });
            db.Add(c);
            await db.SaveChangesAsync(ct);
            var sent = lines.Select(l => new Message
            {
                ConversationId = c.Id, SenderMemberId = people[l.Who], Body = l.Body, BodyHtml = markdown.ToHtml(l.Body), CreatedAt = now.AddHours(-l.HoursAgo),
            }).ToList();
            db.AddRange(sent);
            await db.SaveChangesAsync(ct);
            foreach (var p in c.Participants)
                p.LastReadMessageId = p.MemberId == unreadBy ? sent.Where(m => m.SenderMemberId == p.MemberId).Select(m => m.Id).DefaultIfEmpty(0).Max() : sent[^1].Id;
            await db.SaveChangesAsync(ct);
            return (c, sent);
        }

        ConsultationRequest Request(long from, long to, string topic, string goal, ConsultationFormat format, string? times, ConsultationStatus status, double daysAgo) =>
            new()
            {
                RequesterMemberId = from, RecipientMemberId = to, Topic = topic, Goal = goal, Format = format, PreferredTimes = times, Status = status,
                CreatedAt = now.AddDays(-daysAgo), WaitingSince = now.AddDays(-daysAgo),
                DecidedAt = status is ConsultationStatus.Pending or ConsultationStatus.Proposed ? null : now.AddDays(-daysAgo + 1),
            };

        // An accepted consultation and the conversation it opened, with a reply the demo member has not read yet.
        var accepted = Request(Employee(0), hanako, "物流スタートアップとの協業の進め方", "社内で物流領域の新規事業を検討しています。スタートアップと組む際に最初に確認すべきことを伺いたいです。",
            ConsultationFormat.OnlineCall, "平日 18時以降", ConsultationStatus.Accepted, 6);
        var (talk, _) = await TalkAsync([Employee(0), hanako], unreadBy: hanako,
            (0, "**相談：物流スタートアップとの協業の進め方**\n\n社内で物流領域の新規事業を検討しています。スタートアップと組む際に最初に確認すべきことを伺いたいです。\n\n形式：オンライン通話・日時：平日 18時以降", 5 * 24),
            (1, "ご相談ありがとうございます。来週水曜の19時からはいかがでしょうか。", 4 * 24),
            (0, "ありがとうございます！水曜19時でお願いします。Teamsのリンクをお送りします。", 4 * 24 - 2),
            (0, "先ほどはありがとうございました。教えていただいた **PoC の進め方** を部内で共有しました。", 3));
        accepted.ConversationId = talk.Id;
        var declined = Request(Employee(2), hanako, "在庫最適化のアルゴリズム", "中小倉庫向けの在庫最適化について、現場で効果が出た手法を知りたいです。",
            ConsultationFormat.Message, null, ConsultationStatus.Declined, 9);
        db.AddRange(
            accepted, declined,
            Request(Employee(1), hanako, "商社からスタートアップへの転身について", "将来の起業を考えています。退職を決めたきっかけと、最初の1年で苦労したことを伺えますか。",
                ConsultationFormat.Coffee, "大手町周辺、平日ランチ", ConsultationStatus.Pending, 2),
            Request(Employee(3), hanako, "海外拠点の立ち上げ経験について", "シンガポール拠点の立ち上げに関わることになりました。",
                ConsultationFormat.OnlineCall, "来週中", ConsultationStatus.Expired, 20));
        declined.DeclineMessage = "今月は立て込んでおり、申し訳ありません。来月以降であればぜひ。";
        var proposed = Request(Employee(4), hanako, "社内ベンチャー制度の活用", "社内ベンチャー制度に応募するか迷っています。外から見た会社の強みを伺いたいです。",
            ConsultationFormat.Coffee, "12月第1週", ConsultationStatus.Proposed, 3);
        proposed.ProposedTimes = "12月10日（水）12:00〜 丸の内のカフェでいかがでしょうか。";
        proposed.WaitingSince = now.AddDays(-1);
        db.Add(proposed);
        if (openAlumnus != 0)
            db.Add(Request(hanako, openAlumnus, "東南アジアでの販路開拓", "物流サービスの東南アジア展開を検討しています。現地での最初のパートナー探しについて伺いたいです。",
                ConsultationFormat.OnlineCall, "平日夜", ConsultationStatus.Pending, 1));

        // A year of earlier consultations between employees and alumni (answered long ago), so the dashboard's
        // consultation chart shows how the network has been used, not only this month.
        var topics = new[] { "新規事業の立ち上げ方", "スタートアップとの協業", "海外拠点の立ち上げ", "転職後のキャリア", "DX推進の進め方", "業界の最新動向" };
        for (var i = 0; i < 24; i++)
        {
            var past = Request(Employee(i % 6), alumni[i % Math.Min(alumni.Count, 8)], topics[i % topics.Length], "経験を踏まえたアドバイスを伺いたいです。",
                (ConsultationFormat)(i % 3), null, i % 5 == 4 ? ConsultationStatus.Declined : i % 7 == 6 ? ConsultationStatus.Expired : ConsultationStatus.Accepted, 30 + i * 14);
            db.Add(past);
        }

        await TalkAsync([hanako, alumni[1]], unreadBy: null,
            (1, "山田さん、ご無沙汰しています！シンガポールに来る予定はありますか？", 72),
            (0, "来月出張で伺います。ぜひ食事でも。", 70),
            (1, "楽しみにしています 🙌", 69));
        await TalkAsync([hanako, alumni[2], Employee(5)], unreadBy: null,
            (2, "ピッチナイトの登壇準備の件で、3人で話せればと思いグループを作りました。", 30),
            (0, "ありがとうございます。スライドの構成案を来週共有します。", 28),
            (1, "社内の審査担当にも声をかけておきます。", 26));

        // A message reported to the secretariat (between two other members): the only one of their conversation it reads.
        var (_, lines) = await TalkAsync([alumni[5], alumni[6]], unreadBy: null,
            (0, "先日の件、ご検討いただけましたか？", 50),
            (0, "お返事がないので、会社の方に直接連絡しますね。", 20));
        db.Add(new MessageReport { MessageId = lines[^1].Id, ReporterMemberId = alumni[6], Reason = "何度もしつこく連絡が来て困っています。", Status = MessageReportStatus.Open, CreatedAt = now.AddHours(-18) });
        await db.SaveChangesAsync(ct);
    }
}
