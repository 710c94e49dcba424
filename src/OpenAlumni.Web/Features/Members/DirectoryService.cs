using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Search;
using OpenAlumni.Web.Features.Privacy;

namespace OpenAlumni.Web.Features.Members;

/// <summary>
/// The member directory: approved members, searched and filtered only on what the viewer may see.
/// On PostgreSQL a query term first narrows by the GIN-indexed bigram vector, then is confirmed on the
/// normalised text; on SQLite the normalised text alone is scanned (small networks).
/// </summary>
public sealed class DirectoryService(AlumniDb db, CurrentMember current)
{
    public const int MaxPageSize = 100;

    public async Task<Result<PageDto<MemberCardDto>>> SearchAsync(DirectoryQuery q, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var errors = new FieldErrors();
        var kind = Check.Enum<MemberKind>(errors, "kind", q.Kind, required: false);
        var openTo = Check.Enum<OpenTo>(errors, "openTo", q.OpenTo, required: false);
        if (q.Q?.Length > 200) errors.Add("q", "Validation.TooLong", 200);
        if (q.Skill?.Length > MemberLimits.Tag) errors.Add("skill", "Validation.TooLong", MemberLimits.Tag);
        if (q.Department?.Length > MemberLimits.Department) errors.Add("department", "Validation.TooLong", MemberLimits.Department);
        if (q.Organization?.Length > MemberLimits.Organization) errors.Add("organization", "Validation.TooLong", MemberLimits.Organization);
        if (q.Page is < 1 or > 100_000) errors.Add("page", "Validation.PageInvalid");
        if (q.PageSize is < 1 or > MaxPageSize) errors.Add("pageSize", "Validation.PageSizeInvalid", MaxPageSize);
        if (errors.Any) return errors;

        var level = viewer.ViewerLevel;
        var me = viewer.MemberId;
        var query = db.Members.AsNoTracking().Approved();
        // Listed only with consent (APPI purpose "directory"); the secretariat still sees everyone.
        if (!viewer.IsAdmin) query = query.Consenting(Privacy.Purpose.Directory);
        if (kind is not null) query = query.Where(m => m.Kind == kind);

        var terms = SearchText.Terms(q.Q);
        if (terms.Count > 0)
        {
            var prefix = MemberSearchIndex.PrefixFor(level);
            if (db.Database.IsNpgsql())
            {
                var grams = string.Join(' ', terms.SelectMany(t => SearchText.QueryGrams(t, prefix)).Distinct());
                if (grams.Length > 0)
                    query = query.Where(m => m.SearchVector!.Matches(EF.Functions.PlainToTsQuery("simple", grams)));
            }
            foreach (var term in terms)
            {
                query = level switch
                {
                    Visibility.Admins => query.Where(m => m.SearchAdmins.Contains(term)),
                    Visibility.Employees => query.Where(m => m.SearchEmployees.Contains(term)),
                    _ => query.Where(m => m.SearchNetwork.Contains(term)),
                };
            }
        }
        if (!string.IsNullOrWhiteSpace(q.Skill))
        {
            var key = SearchText.Normalize(q.Skill);
            query = query.Where(m => (m.TagsVisibility <= level || m.Id == me) && m.Tags.Any(t => t.Key == key));
        }
        if (!string.IsNullOrWhiteSpace(q.Department))
        {
            var dep = q.Department.Trim();
            query = query.Where(m => (m.CareerVisibility <= level || m.Id == me) && m.Career.Any(c => c.Department.Contains(dep)));
        }
        if (!string.IsNullOrWhiteSpace(q.Organization))
        {
            var org = q.Organization.Trim();
            query = query.Where(m => (m.OrganizationVisibility <= level || m.Id == me) && m.Organization!.Contains(org));
        }
        if (openTo is { } flag and not Members.OpenTo.None)
            query = query.Where(m => (m.OpenToVisibility <= level || m.Id == me) && (m.OpenTo & flag) == flag);

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(m => m.SortKey).ThenBy(m => m.Id)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
            .Select(m => new
            {
                m.Id, m.Kind, m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.RomanizedName, m.UpdatedAt,
                Photo = (m.PhotoVisibility <= level || m.Id == me) && m.PhotoPath != null,
                Organization = m.OrganizationVisibility <= level || m.Id == me ? m.Organization : null,
                Title = m.OrganizationVisibility <= level || m.Id == me ? m.Title : null,
                Departments = m.CareerVisibility <= level || m.Id == me ? m.Career.OrderBy(c => c.FromYear).Select(c => c.Department).ToList() : null,
                Skills = m.TagsVisibility <= level || m.Id == me ? m.Tags.Where(t => t.Kind == TagKind.Skill).OrderBy(t => t.Id).Select(t => t.Name).Take(8).ToList() : null,
                OpenTo = m.OpenToVisibility <= level || m.Id == me ? m.OpenTo : Members.OpenTo.None,
                Location = m.LocationVisibility <= level || m.Id == me ? m.Location : null,
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var items = rows.Select(r => new MemberCardDto(
            r.Id, r.Kind.ToString(), PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName), r.FamilyNameKana, r.GivenNameKana, r.RomanizedName,
            r.Photo ? $"/members/{r.Id}/photo?v={r.UpdatedAt.ToUnixTimeSeconds()}" : null,
            r.Organization, r.Title, r.Departments, r.Skills, MemberService.OpenToNames(r.OpenTo), r.Location)
        { OriginalName = PersonName.Original(r.FamilyName, r.GivenName, PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName)) }).ToList();
        return new PageDto<MemberCardDto>(items, q.Page, q.PageSize, total);
    }

    /// <summary>Figures for the home page: approved members by kind, those open to consultation, and the queue's length.</summary>
    public async Task<NetworkStats> StatsAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var level = viewer.ViewerLevel;
        var byKind = await db.Members.AsNoTracking().Approved()
            .GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var listed = viewer.IsAdmin ? db.Members.AsNoTracking() : db.Members.AsNoTracking().Consenting(Privacy.Purpose.Directory);
        var consult = await listed
            .CountAsync(m => m.Status == MemberStatus.Approved && m.OpenToVisibility <= level && (m.OpenTo & OpenTo.Consultation) == OpenTo.Consultation, ct);
        var pending = viewer.IsAdmin ? await db.Members.CountAsync(m => m.Status == MemberStatus.Pending, ct) : 0;
        return new NetworkStats(byKind.FirstOrDefault(k => k.Key == MemberKind.Alumni)?.Count ?? 0,
            byKind.FirstOrDefault(k => k.Key == MemberKind.Employee)?.Count ?? 0, consult, pending);
    }
}

public sealed record NetworkStats(int Alumni, int Employees, int OpenToConsultation, int PendingRegistrations);
