using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Roster;

/// <summary>The roster row closest to a registration, and how close (shown to the admin in the queue).</summary>
public sealed record RosterMatchDto(long RosterId, string FamilyName, string GivenName, string? Department, int? JoinedYear, int? LeftYear,
    string? EmployeeNumber, bool EmailMatches, bool NameMatches, bool CareerMatches, bool Approves);

public sealed record Applicant(string Email, string FamilyName, string GivenName, string? Department, int? JoinedYear, int? LeftYear);

/// <summary>
/// Recognises registrations on the roster. By email always; by the same name, department and years of
/// joining and leaving when the network chose <see cref="RosterMatchRule.EmailOrNameAndCareer"/>.
/// </summary>
public sealed class RosterMatcher(AlumniDb db, ITenantContext tenant)
{
    /// <summary>Closest roster row for each applicant (null where none shares the address or the name), in two queries.</summary>
    public async Task<IReadOnlyList<RosterMatchDto?>> ClosestAsync(IReadOnlyList<Applicant> applicants, CancellationToken ct)
    {
        if (applicants.Count == 0) return [];
        var emails = applicants.Select(a => a.Email.ToLowerInvariant()).Distinct().ToList();
        var families = applicants.Select(a => a.FamilyName).Distinct().ToList();
        var candidates = await db.Set<RosterEntry>().AsNoTracking()
            .Where(r => emails.Contains(r.EmailKey) || families.Contains(r.FamilyName))
            .Take(2000).ToListAsync(ct);
        var rule = tenant.Tenant?.RosterMatch ?? RosterMatchRule.Email;
        return applicants.Select(a => candidates
            .Select(r => Score(r, a, rule))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Match.RosterId)
            .Select(m => m.Match).FirstOrDefault()).ToList();
    }

    public async Task<RosterMatchDto?> FindAsync(Applicant applicant, CancellationToken ct) => (await ClosestAsync([applicant], ct))[0];

    static (int Score, RosterMatchDto Match) Score(RosterEntry r, Applicant a, RosterMatchRule rule)
    {
        var email = r.EmailKey == a.Email.ToLowerInvariant();
        var name = r.FamilyName == a.FamilyName.Trim() && r.GivenName == a.GivenName.Trim();
        var career = Norm(r.Department) == Norm(a.Department) && r.Department is not null && r.JoinedYear == a.JoinedYear && r.LeftYear == a.LeftYear;
        var score = (email ? 100 : 0) + (name ? 40 : 0) + (career ? 30 : 0)
            + (Norm(r.Department) == Norm(a.Department) && r.Department is not null ? 5 : 0) + (r.LeftYear == a.LeftYear && r.LeftYear is not null ? 3 : 0);
        if (!email && !name) score = 0;
        var approves = email || (rule == RosterMatchRule.EmailOrNameAndCareer && name && career);
        return (score, new RosterMatchDto(r.Id, r.FamilyName, r.GivenName, r.Department, r.JoinedYear, r.LeftYear, r.EmployeeNumber, email, name, career, approves));
    }

    static string? Norm(string? s) => s?.Trim().Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
}
