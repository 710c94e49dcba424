using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>The demo network's events: a past AGM with attendance and feedback, an upcoming pitch event with its programme, a meetup and a draft.</summary>
internal static class DemoEvents
{
    public static async Task SeedAsync(AlumniDb db, DateTimeOffset now, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Approved()
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Kind, m.Role }).ToListAsync(ct);
        var admin = members.First(m => m.Role == MemberRole.Admin).Id;
        var people = members.Where(m => m.Role != MemberRole.Admin).ToList();
        var rng = new Random(5);
        DateTimeOffset Tokyo(DateTimeOffset day, int hour) => new DateTimeOffset(day.Year, day.Month, day.Day, hour, 0, 0, TimeSpan.FromHours(9)).ToUniversalTime();

        var agmDay = now.AddMonths(-3);
        var agm = new Event
        {
            Title = "2026年度 アルムナイ年次総会", Kind = EventKind.Agm, Format = EventFormat.Hybrid, Status = EventStatus.Published,
            Description = "年に一度の総会です。\n\n- 事務局からの活動報告\n- 協業事例の紹介\n- 懇親会（会場参加の方）",
            StartsAt = Tokyo(agmDay, 18), EndsAt = Tokyo(agmDay, 21), Venue = "本社 20F ホール", Address = "東京都千代田区丸の内1-1-1",
            OnlineUrl = "https://meet.example/agm-2026", CapacityInPerson = 80, CapacityOnline = 200,
            CreatedByMemberId = admin, CreatedAt = now.AddMonths(-5), UpdatedAt = now.AddMonths(-5), PublishedAt = now.AddMonths(-5),
        };
        var pitchDay = now.AddDays(21);
        var pitch = new Event
        {
            Title = "アルムナイ・ピッチナイト vol.3", Kind = EventKind.Pitch, Format = EventFormat.Hybrid, Status = EventStatus.Published,
            Description = "アルムナイが今取り組む事業を、現役社員に向けてピッチします。協業・出資・採用のきっかけにどうぞ。",
            StartsAt = Tokyo(pitchDay, 19), EndsAt = Tokyo(pitchDay, 21), Venue = "オープンイノベーションスペース「Marunouchi Base」",
            Address = "東京都千代田区丸の内2-2-2", MapUrl = "https://maps.example/marunouchi-base", OnlineUrl = "https://meet.example/pitch-night-3",
            CapacityInPerson = 40, CapacityOnline = 100, SignupDeadline = Tokyo(pitchDay.AddDays(-1), 12),
            CreatedByMemberId = admin, CreatedAt = now.AddDays(-14), UpdatedAt = now.AddDays(-14), PublishedAt = now.AddDays(-14),
        };
        var meetupDay = now.AddDays(10);
        var meetup = new Event
        {
            Title = "Osaka alumni meetup / 大阪アルムナイ交流会", Kind = EventKind.Meetup, Format = EventFormat.Offline, Status = EventStatus.Published,
            Description = "関西在住・出張中のアルムナイと社員の気軽な交流会です。Casual drinks for alumni and employees in Kansai.",
            StartsAt = Tokyo(meetupDay, 19), EndsAt = Tokyo(meetupDay, 21), Venue = "大阪支社 ラウンジ", Address = "大阪府大阪市北区梅田3-3-3",
            CapacityInPerson = 12, CreatedByMemberId = admin, CreatedAt = now.AddDays(-7), UpdatedAt = now.AddDays(-7), PublishedAt = now.AddDays(-7),
        };
        var draft = new Event
        {
            Title = "オープンイノベーション拠点 見学会（準備中）", Kind = EventKind.Other, Format = EventFormat.Offline, Status = EventStatus.Draft,
            StartsAt = Tokyo(now.AddDays(45), 15), EndsAt = Tokyo(now.AddDays(45), 17), Venue = "Marunouchi Base", CapacityInPerson = 20,
            CreatedByMemberId = admin, CreatedAt = now, UpdatedAt = now,
        };
        db.AddRange(agm, pitch, meetup, draft);
        await db.SaveChangesAsync(ct);

        Rsvp Sign(Event e, long member, AttendanceMode mode, RsvpStatus status, DateTimeOffset at) => new()
        {
            EventId = e.Id, MemberId = member, Mode = mode, Status = status, CreatedAt = at, UpdatedAt = at,
            TicketCode = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24)),
        };

        // The AGM: 45 came in person (38 checked in at the door), 25 online; 12 left feedback.
        var order = people.OrderBy(_ => rng.Next()).ToList();
        foreach (var (p, i) in order.Take(45).Select((p, i) => (p, i)))
        {
            var r = Sign(agm, p.Id, AttendanceMode.InPerson, RsvpStatus.Confirmed, agm.PublishedAt!.Value.AddDays(i % 20));
            if (i < 38) r.CheckedInAt = agm.StartsAt.AddMinutes(-20 + i);
            db.Add(r);
        }
        foreach (var p in order.Skip(45).Take(13)) db.Add(Sign(agm, p.Id, AttendanceMode.Online, RsvpStatus.Confirmed, agm.PublishedAt!.Value.AddDays(5)));
        agm.ConfirmedInPerson = 45;
        agm.ConfirmedOnline = Math.Min(13, Math.Max(0, order.Count - 45));
        string[] comments = ["久しぶりに同期と会えて良かったです。", "協業事例の紹介が参考になりました。", "Great to reconnect with old colleagues.", "次回はもう少し交流の時間がほしいです。", null!, "オンラインでも十分楽しめました。"];
        foreach (var (p, i) in order.Take(12).Select((p, i) => (p, i)))
            db.Add(new EventFeedback { EventId = agm.Id, MemberId = p.Id, Rating = 3 + (i % 3), Comment = comments[i % comments.Length], CreatedAt = agm.EndsAt.AddHours(2 + i) });

        // The pitch night: three accepted pitches from alumni, one waiting for the secretariat.
        var alumni = people.Where(p => p.Kind == MemberKind.Alumni).ToList();
        (string Title, string Summary, PitchSeeking Seeking)[] pitches =
        [
            ("中小倉庫のための在庫最適化SaaS", "商社の物流部門で学んだ現場の課題を、月額のSaaSで解決します。導入30社。実証パートナーを探しています。", PitchSeeking.Partners | PitchSeeking.Customers),
            ("地方の食品メーカーの海外販路開拓", "東南アジアの小売チェーンとの取引網を活かし、地方メーカーの輸出を支援しています。", PitchSeeking.Partners | PitchSeeking.Funding),
            ("Carbon accounting for mid-size manufacturers", "A simple Scope 3 calculator built with suppliers in mind. Looking for pilot customers and two engineers.", PitchSeeking.Customers | PitchSeeking.Hires),
            ("社内副業マッチングの仕組みづくり", "退職者と現役社員が小さく一緒に働ける制度の提案です。", PitchSeeking.Partners),
        ];
        for (var i = 0; i < pitches.Length && i < alumni.Count; i++)
            db.Add(new Pitch
            {
                EventId = pitch.Id, MemberId = alumni[i].Id, Title = pitches[i].Title, Summary = pitches[i].Summary, Seeking = pitches[i].Seeking,
                Status = i < 3 ? PitchStatus.Accepted : PitchStatus.Pending, Position = i < 3 ? i + 1 : null,
                CreatedAt = now.AddDays(-10 + i), DecidedAt = i < 3 ? now.AddDays(-5) : null,
            });
        foreach (var (p, i) in order.Skip(5).Take(22).Select((p, i) => (p, i)))
        {
            var mode = i % 3 == 0 ? AttendanceMode.Online : AttendanceMode.InPerson;
            db.Add(Sign(pitch, p.Id, mode, RsvpStatus.Confirmed, now.AddDays(-12 + i % 10)));
            if (mode == AttendanceMode.Online) pitch.ConfirmedOnline++; else pitch.ConfirmedInPerson++;
        }

        // The meetup is full, with two on the waitlist.
        foreach (var (p, i) in order.Skip(30).Take(14).Select((p, i) => (p, i)))
            db.Add(Sign(meetup, p.Id, AttendanceMode.InPerson, i < 12 ? RsvpStatus.Confirmed : RsvpStatus.Waitlisted, now.AddDays(-6).AddHours(i)));
        meetup.ConfirmedInPerson = Math.Min(12, Math.Max(0, order.Count - 30));
        await db.SaveChangesAsync(ct);
    }
}
