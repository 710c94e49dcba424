using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Roster;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Demo;

/// <summary>
/// The demo secretariat's desk: a roster where most alumni have joined and some have not, invitations in
/// every state, members last active at different times, the departments offered on registration.
/// </summary>
internal static class DemoRoster
{
    public static async Task SeedAsync(AlumniDb db, long tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var rng = new Random(7);
        var admin = await db.Members.Where(m => m.Role == MemberRole.Admin).Select(m => m.Id).FirstAsync(ct);
        var alumni = await db.Members.Where(m => m.Kind == MemberKind.Alumni && m.Status == MemberStatus.Approved)
            .OrderBy(m => m.Id).Select(m => new
            {
                m.Id, m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, Email = m.User!.Email!,
                Career = m.Career.OrderBy(c => c.Id).Select(c => new { c.Department, c.FromYear, c.ToYear }).FirstOrDefault(),
            }).ToListAsync(ct);

        // Members who joined: on the roster, linked; every fourth joined through an invitation.
        var number = 1000;
        foreach (var (a, i) in alumni.Select((a, i) => (a, i)))
        {
            var row = new RosterEntry
            {
                FamilyName = a.FamilyName, GivenName = a.GivenName, FamilyNameKana = a.FamilyNameKana, GivenNameKana = a.GivenNameKana,
                Email = a.Email, EmailKey = a.Email.ToLowerInvariant(), Department = a.Career?.Department, JoinedYear = a.Career?.FromYear,
                LeftYear = a.Career?.ToYear, EmployeeNumber = $"D{number++}", MemberId = a.Id, CreatedAt = now.AddMonths(-13), UpdatedAt = now.AddMonths(-13),
            };
            db.Add(row);
            if (i % 4 == 0)
            {
                await db.SaveChangesAsync(ct);
                var used = Invitation(row, now.AddMonths(-12), admin);
                used.UsedAt = now.AddMonths(-12).AddDays(2);
                used.MemberId = a.Id;
                db.Add(used);
            }
        }

        // Former employees not yet joined: some invited (pending, expired, revoked), the rest not yet.
        var states = new[] { "pending", "pending", "pending", "expired", "expired", "revoked", "", "", "", "", "", "", "", "" };
        for (var i = 0; i < states.Length; i++)
        {
            var f = DemoNames.Family[(i * 7 + 3) % DemoNames.Family.Length];
            var g = DemoNames.Given[(i * 5 + 1) % DemoNames.Given.Length];
            var left = 2012 + rng.Next(0, 13);
            var row = new RosterEntry
            {
                FamilyName = f.Kanji, GivenName = g.Kanji, FamilyNameKana = f.Kana, GivenNameKana = g.Kana,
                Email = $"{g.Romaji.ToLowerInvariant()}.{f.Romaji.ToLowerInvariant()}{i}@roster.demo.localhost",
                EmailKey = $"{g.Romaji.ToLowerInvariant()}.{f.Romaji.ToLowerInvariant()}{i}@roster.demo.localhost",
                Department = DemoNames.Departments[rng.Next(DemoNames.Departments.Length)], JoinedYear = left - 5 - rng.Next(0, 10), LeftYear = left,
                EmployeeNumber = $"D{number++}", Language = i == 2 ? "en" : null, CreatedAt = now.AddMonths(-3), UpdatedAt = now.AddMonths(-3),
            };
            db.Add(row);
            if (states[i] == "") continue;
            await db.SaveChangesAsync(ct);
            var sent = states[i] == "expired" ? now.AddDays(-45) : now.AddDays(-5 - i);
            var inv = Invitation(row, sent, admin);
            if (states[i] == "revoked") inv.RevokedAt = sent.AddDays(1);
            db.Add(inv);
        }

        // Activity, for the member list's "last active" filter.
        var members = await db.Members.Approved().ToListAsync(ct);
        foreach (var m in members)
            m.LastActiveAt = rng.Next(5) == 0 ? null : now.AddDays(-rng.Next(0, 200)).AddMinutes(-rng.Next(0, 600));
        var tenant = await db.Tenants.FirstAsync(t => t.Id == tenantId, ct);
        tenant.RegistrationDepartments = string.Join('\n', DemoNames.Departments);
        await db.SaveChangesAsync(ct);
    }

    static Invitation Invitation(RosterEntry row, DateTimeOffset sent, long admin) => new()
    {
        Email = row.Email, EmailKey = row.EmailKey, RosterEntryId = row.Id, Language = row.Language ?? "ja",
        // A token nobody holds: the demo's invitations can be resent (a new link) but not opened.
        TokenHash = InvitationService.Hash(WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32))),
        CreatedAt = sent, SentAt = sent, SendCount = 1, ExpiresAt = sent.AddDays(RosterLimits.InvitationDays), CreatedByMemberId = admin,
    };
}
