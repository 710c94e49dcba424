using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Search;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Features.Spaces;

namespace OpenAlumni.Web.Features.Members;

/// <summary>
/// The member directory: approved members, searched and filtered only on what the viewer may see.
/// A query term first narrows by an inverted index over the members' bigram tokens (PostgreSQL: the GIN-indexed
/// tsvector; SQLite: the FTS5 table MemberSearchFts), then is confirmed on the normalised text.
/// </summary>
public sealed class DirectoryService(AlumniDb db, CurrentMember current)
{
    public const int MaxPageSize = 100;
    /// <summary>Counted exactly up to here; past it the total is "at least" (as the feed's).</summary>
    public const int CountLimit = 10_000;

    /// <summary>
    /// One page of cards in four commands whatever the page size: the count, the page's rows, then the
    /// departments and the skills of those rows only (a split query would repeat the search for each, and
    /// number every skill in the network to keep eight per card).
    /// </summary>
    public async Task<Result<DirectoryPageDto>> SearchAsync(DirectoryQuery q, CancellationToken ct)
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
        var cursor = q.Cursor is null ? null : DirectoryCursor.Decode(q.Cursor);
        if (q.Cursor is not null && cursor is null) errors.Add("cursor", "Validation.CursorInvalid");
        if (errors.Any) return errors;

        var level = viewer.ViewerLevel;
        var me = viewer.MemberId;
        var query = db.Members.AsNoTracking().Approved();
        // Listed only with consent (APPI purpose "directory"); the secretariat still sees everyone.
        if (!viewer.IsAdmin) query = query.Consenting(Privacy.Purpose.Directory);
        if (kind is not null) query = query.Where(m => m.Kind == kind);
        if (q.Ids is { } ids) query = query.Where(m => ids.Contains(m.Id));
        if (q.SpaceId is { } spaceId)
        {
            // A space's members, for those who may read the space (a secret one is not there for anyone else).
            var reader = await MemberAudience.ReaderAsync(db, me, ct);
            if (!await Spaces.SpaceAudience.IsReadableAsync(db, reader, spaceId, ct))
                return await Spaces.SpaceAudience.IsListedAsync(db, reader, spaceId, ct) ? Result<DirectoryPageDto>.Forbidden() : Result<DirectoryPageDto>.NotFound();
            query = query.InSpace(db, spaceId);
        }

        // The members whose text at the viewer's level holds every gram of these normalised texts: GIN on
        // PostgreSQL, the FTS5 index over the same tokens on SQLite (migration MemberSearchFts; each gram a quoted
        // token of letters and digits, a space between them meaning AND). A superset: each caller confirms what it
        // asked on the text. With orMe, the viewer stays in whatever their own text holds.
        var prefix = MemberSearchIndex.PrefixFor(level);
        IQueryable<Member> HoldingGrams(IQueryable<Member> members, IEnumerable<string> texts, bool orMe = false)
        {
            var grams = texts.SelectMany(t => SearchText.QueryGrams(t, prefix)).Distinct().ToList();
            if (grams.Count == 0) return members;
            if (db.Database.IsNpgsql())
            {
                var all = string.Join(' ', grams);
                return orMe
                    ? members.Where(m => m.Id == me || m.SearchVector!.Matches(EF.Functions.PlainToTsQuery("simple", all)))
                    : members.Where(m => m.SearchVector!.Matches(EF.Functions.PlainToTsQuery("simple", all)));
            }
            var match = string.Join(' ', grams.Select(g => '"' + g + '"'));
            var hits = db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"MemberSearchFts\" WHERE \"MemberSearchFts\" MATCH {match}");
            return orMe ? members.Where(m => m.Id == me || hits.Contains(m.Id)) : members.Where(m => hits.Contains(m.Id));
        }

        var terms = SearchText.Terms(q.Q);
        if (terms.Count > 0)
        {
            query = HoldingGrams(query, terms);
            // Both databases hold a gram index, so a one- or two-letter term is already exact.
            foreach (var term in terms.Where(t => !SearchText.GramsAreExact(t)))
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
            // Kind and Key together use the (TenantId, Kind, Key) index; an interest is not a skill.
            // A skill the viewer may see is in the member's text at their level too: the gram index narrows first.
            var key = SearchText.Normalize(q.Skill);
            query = HoldingGrams(query, [key], orMe: true);
            query = query.Where(m => (m.TagsVisibility <= level || m.Id == me) && m.Tags.Any(t => t.Kind == TagKind.Skill && t.Key == key));
        }
        if (!string.IsNullOrWhiteSpace(q.Department))
        {
            var dep = q.Department.Trim();
            // A career the viewer may see is in the member's text at the viewer's level, so the gram index first
            // narrows to the members who can match (else a substring over every career entry of the network);
            // the viewer's own career counts whatever its visibility.
            query = HoldingGrams(query, [SearchText.Normalize(dep)], orMe: true);
            query = query.Where(m => (m.CareerVisibility <= level || m.Id == me) && m.Career.Any(c => c.Department.Contains(dep)));
        }
        if (!string.IsNullOrWhiteSpace(q.Organization))
        {
            var org = q.Organization.Trim();
            query = query.Where(m => (m.OrganizationVisibility <= level || m.Id == me) && m.Organization!.Contains(org));
        }
        if (openTo is { } flag and not Members.OpenTo.None)
            query = query.Where(m => (m.OpenToVisibility <= level || m.Id == me) && (m.OpenTo & flag) == flag);

        var total = await query.Take(CountLimit + 1).CountAsync(ct);
        var page = cursor?.Page ?? q.Page;
        var ordered = query.OrderBy(m => m.SortKey).ThenBy(m => m.Id);
        IQueryable<Member> window;
        if (cursor is { SortKey: var afterKey, Id: var afterId })
            // "SortKey >= k" on its own is what lets the (TenantId, Status, SortKey) index start at the cursor.
            window = ordered.Where(m => string.Compare(m.SortKey, afterKey) >= 0 && (string.Compare(m.SortKey, afterKey) > 0 || m.Id > afterId));
        else
            window = ordered.Skip((q.Page - 1) * q.PageSize);
        // One row more than the page says whether a next page exists, whatever the count said.
        var rows = await window.Take(q.PageSize + 1)
            .Select(m => new
            {
                m.Id, m.SortKey, m.Kind, m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.RomanizedName, m.UpdatedAt,
                Photo = (m.PhotoVisibility <= level || m.Id == me) && m.PhotoPath != null,
                Organization = m.OrganizationVisibility <= level || m.Id == me ? m.Organization : null,
                Title = m.OrganizationVisibility <= level || m.Id == me ? m.Title : null,
                CareerShown = m.CareerVisibility <= level || m.Id == me,
                TagsShown = m.TagsVisibility <= level || m.Id == me,
                OpenTo = m.OpenToVisibility <= level || m.Id == me ? m.OpenTo : Members.OpenTo.None,
                Location = m.LocationVisibility <= level || m.Id == me ? m.Location : null,
            })
            .ToListAsync(ct);
        var more = rows.Count > q.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);

        var careerOf = rows.Where(r => r.CareerShown).Select(r => r.Id).ToList();
        var departments = careerOf.Count == 0 ? [] : (await db.Set<CareerEntry>().AsNoTracking()
                .Where(c => careerOf.Contains(c.MemberId))
                .OrderBy(c => c.MemberId).ThenBy(c => c.FromYear).ThenBy(c => c.Id)
                .Select(c => new { c.MemberId, c.Department }).ToListAsync(ct))
            .GroupBy(c => c.MemberId).ToDictionary(g => g.Key, g => g.Select(c => c.Department).ToList());
        var tagsOf = rows.Where(r => r.TagsShown).Select(r => r.Id).ToList();
        var skills = tagsOf.Count == 0 ? [] : (await db.Set<ProfileTag>().AsNoTracking()
                .Where(t => tagsOf.Contains(t.MemberId) && t.Kind == TagKind.Skill)
                .OrderBy(t => t.MemberId).ThenBy(t => t.Id)
                .Select(t => new { t.MemberId, t.Name }).ToListAsync(ct))
            .GroupBy(t => t.MemberId).ToDictionary(g => g.Key, g => g.Select(t => t.Name).Take(8).ToList());

        var items = rows.Select(r => new MemberCardDto(
            r.Id, r.Kind.ToString(), PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName), r.FamilyNameKana, r.GivenNameKana, r.RomanizedName,
            r.Photo ? $"/members/{r.Id}/photo?v={r.UpdatedAt.ToUnixTimeSeconds()}" : null,
            r.Organization, r.Title,
            r.CareerShown ? departments.GetValueOrDefault(r.Id) ?? [] : null,
            r.TagsShown ? skills.GetValueOrDefault(r.Id) ?? [] : null,
            MemberService.OpenToNames(r.OpenTo), r.Location)
        { OriginalName = PersonName.Original(r.FamilyName, r.GivenName, PersonName.Display(r.FamilyName, r.GivenName, r.RomanizedName)) }).ToList();
        var next = more && page < 100_000 ? new DirectoryCursor(page + 1, rows[^1].SortKey, rows[^1].Id).Encode() : null;
        return new DirectoryPageDto(items, page, q.PageSize, Math.Min(total, CountLimit), total > CountLimit, next);
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
