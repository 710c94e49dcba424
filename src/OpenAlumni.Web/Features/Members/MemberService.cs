using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Search;
using OpenAlumni.Web.Infrastructure.Storage;

namespace OpenAlumni.Web.Features.Members;

/// <summary>Profiles: creating a member's profile, reading it as a viewer may, editing one's own.</summary>
public sealed class MemberService(AlumniDb db, CurrentMember current, TimeProvider clock, FileStore files, PhotoProcessor photos, Privacy.PrivacyService privacy)
{
    public ProfileDraft? ValidateDraft(FieldErrors errors, ProfileDraft d, MemberKind? kind, int year)
    {
        var family = Check.Line(errors, "familyName", d.FamilyName, MemberLimits.Name, required: true);
        var given = Check.Line(errors, "givenName", d.GivenName, MemberLimits.Name, required: true);
        var familyKana = Check.Line(errors, "familyNameKana", d.FamilyNameKana, MemberLimits.Name);
        var givenKana = Check.Line(errors, "givenNameKana", d.GivenNameKana, MemberLimits.Name);
        var department = Check.Line(errors, "department", d.Department, MemberLimits.Department, required: kind == MemberKind.Alumni);
        var joined = Check.Year(errors, "joinedYear", d.JoinedYear, year);
        var left = Check.Year(errors, "leftYear", d.LeftYear, year);
        if (kind == MemberKind.Alumni && d.LeftYear is null) errors.Add("leftYear", "Validation.Required");
        if (joined is not null && left is not null && left < joined) errors.Add("leftYear", "Validation.LeftBeforeJoined");
        return errors.Any ? null : new ProfileDraft(family, given, familyKana, givenKana, department, joined, left);
    }

    public Member NewMember(string userId, MemberKind kind, MemberStatus status, ProfileDraft d, MemberRole role = MemberRole.Member)
    {
        var now = clock.GetUtcNow();
        var m = new Member
        {
            UserId = userId, Kind = kind, Status = status, Role = role, CreatedAt = now, UpdatedAt = now, ConfirmedAt = now,
            FamilyName = d.FamilyName!, GivenName = d.GivenName!, FamilyNameKana = d.FamilyNameKana, GivenNameKana = d.GivenNameKana,
            // Sensible defaults: what an alumnus does now is for the network; the rest starts narrower.
            OrganizationVisibility = Visibility.Network, CareerVisibility = Visibility.Network, TagsVisibility = Visibility.Network,
            LocationVisibility = Visibility.Employees, BioVisibility = Visibility.Network, LinksVisibility = Visibility.Network,
            OpenToVisibility = Visibility.Network, PhotoVisibility = Visibility.Network, EmailVisibility = Visibility.Admins,
        };
        if (d.Department is not null)
            m.Career.Add(new CareerEntry { Department = d.Department, FromYear = d.JoinedYear, ToYear = d.LeftYear });
        MemberSearchIndex.Update(m);
        return m;
    }

    public async Task<Result<MemberDto>> GetAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var m = await db.Members.AsNoTracking().AsSplitQuery()
            .Include(x => x.Career).Include(x => x.Tags).Include(x => x.User)
            .Where(x => x.Id == id).Where(ProfileShownTo(viewer))
            .FirstOrDefaultAsync(ct);
        return m is null ? Result<MemberDto>.NotFound() : ToDto(m, viewer);
    }

    public static bool CanSee(Visibility field, MemberSession viewer, Member m) =>
        m.Id == viewer.MemberId || field <= viewer.ViewerLevel;

    public static MemberDto ToDto(Member m, MemberSession viewer)
    {
        bool See(Visibility v) => CanSee(v, viewer, m);
        var owner = m.Id == viewer.MemberId || viewer.IsAdmin;
        return new MemberDto(
            m.Id, m.Kind.ToString(), m.DisplayName, m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.RomanizedName,
            See(m.PhotoVisibility) && m.PhotoPath is not null ? PhotoUrl(m) : null,
            See(m.OrganizationVisibility) ? m.Organization : null,
            See(m.OrganizationVisibility) ? m.Title : null,
            See(m.CareerVisibility) ? m.Career.OrderBy(c => c.FromYear).ThenBy(c => c.Id).Select(c => new CareerDto(c.Department, c.FromYear, c.ToYear)).ToList() : null,
            See(m.TagsVisibility) ? m.Tags.Where(t => t.Kind == TagKind.Skill).OrderBy(t => t.Id).Select(t => t.Name).ToList() : null,
            See(m.TagsVisibility) ? m.Tags.Where(t => t.Kind == TagKind.Interest).OrderBy(t => t.Id).Select(t => t.Name).ToList() : null,
            See(m.LocationVisibility) ? m.Location : null,
            See(m.BioVisibility) ? m.Bio : null,
            See(m.LinksVisibility) ? SplitLinks(m.Links) : null,
            See(m.OpenToVisibility) ? OpenToNames(m.OpenTo) : null,
            See(m.EmailVisibility) ? m.User?.Email : null,
            owner ? m.Role.ToString() : null,
            owner ? m.Status.ToString() : null,
            owner ? new VisibilityDto(m.PhotoVisibility.ToString(), m.OrganizationVisibility.ToString(), m.CareerVisibility.ToString(),
                m.TagsVisibility.ToString(), m.LocationVisibility.ToString(), m.BioVisibility.ToString(), m.LinksVisibility.ToString(),
                m.OpenToVisibility.ToString(), m.EmailVisibility.ToString()) : null,
            m.UpdatedAt, m.Id == viewer.MemberId,
            m.Id == viewer.MemberId ? (m.WithheldPurposes & Privacy.Purpose.Featured) == Privacy.Purpose.None : null, m.ConfirmedAt)
        {
            Availability = See(m.OpenToVisibility) ? m.Availability : null,
        };
    }

    public static string PhotoUrl(Member m) => $"/members/{m.Id}/photo?v={m.UpdatedAt.ToUnixTimeSeconds()}";

    public static IReadOnlyList<string> SplitLinks(string? links) =>
        (links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> OpenToNames(OpenTo flags) =>
        Enum.GetValues<OpenTo>().Where(f => f != Members.OpenTo.None && flags.HasFlag(f)).Select(f => f.ToString()).ToList();

    /// <param name="prior">Errors the caller already found (a form's unparseable year): reported with the rest, and nothing is written.</param>
    public async Task<Result<MemberDto>> UpdateMineAsync(UpdateProfileRequest r, CancellationToken ct, FieldErrors? prior = null)
    {
        var viewer = await current.RequireAsync(ct);
        var m = await db.Members.AsSplitQuery().Include(x => x.Career).Include(x => x.Tags).Include(x => x.User)
            .FirstAsync(x => x.Id == viewer.MemberId, ct);
        var errors = prior ?? new FieldErrors();

        if (r.FamilyName is not null) m.FamilyName = Check.Line(errors, "familyName", r.FamilyName, MemberLimits.Name, required: true) ?? m.FamilyName;
        if (r.GivenName is not null) m.GivenName = Check.Line(errors, "givenName", r.GivenName, MemberLimits.Name, required: true) ?? m.GivenName;
        if (r.FamilyNameKana is not null) m.FamilyNameKana = Check.Line(errors, "familyNameKana", r.FamilyNameKana, MemberLimits.Name);
        if (r.GivenNameKana is not null) m.GivenNameKana = Check.Line(errors, "givenNameKana", r.GivenNameKana, MemberLimits.Name);
        if (r.RomanizedName is not null) m.RomanizedName = Check.Line(errors, "romanizedName", r.RomanizedName, MemberLimits.Name * 2);
        if (r.Organization is not null) m.Organization = Check.Text(errors, "organization", r.Organization, MemberLimits.Organization);
        if (r.Title is not null) m.Title = Check.Text(errors, "title", r.Title, MemberLimits.Organization);
        if (r.Location is not null) m.Location = Check.Text(errors, "location", r.Location, MemberLimits.Location);
        if (r.Bio is not null) m.Bio = Check.Text(errors, "bio", r.Bio, MemberLimits.Bio);
        if (r.Availability is not null) m.Availability = Check.Text(errors, "availability", r.Availability, MemberLimits.Availability);
        if (r.Links is not null)
        {
            if (r.Links.Count > MemberLimits.Links) return errors.Add("links", "Validation.TooMany", MemberLimits.Links);
            var links = r.Links.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => Check.Url(errors, "links", l)).ToList();
            m.Links = string.Join('\n', links.Where(l => l is not null));
        }
        if (r.OpenTo is not null)
        {
            if (r.OpenTo.Count > 10) return errors.Add("openTo", "Validation.TooMany", 10);
            var flags = Members.OpenTo.None;
            foreach (var name in r.OpenTo)
                flags |= Check.Enum<OpenTo>(errors, "openTo", name, required: true) ?? Members.OpenTo.None;
            m.OpenTo = flags;
        }
        // "Feature me on the community page" is the consent to the purpose `featured`, recorded like any other.
        if (r.FeatureOnCommunity is { } featured) await privacy.SetConsentAsync(m, Privacy.Purpose.Featured, featured, ct);
        if (r.Career is not null) SetCareer(m, r.Career, errors);
        if (r.Skills is not null) SetTags(m, TagKind.Skill, r.Skills, "skills", errors);
        if (r.Interests is not null) SetTags(m, TagKind.Interest, r.Interests, "interests", errors);
        if (r.Visibility is { } v)
        {
            Visibility Vis(string field, string? value, Visibility old) => Check.Enum<Visibility>(errors, "visibility." + field, value, false) ?? old;
            m.PhotoVisibility = Vis("photo", v.Photo, m.PhotoVisibility);
            m.OrganizationVisibility = Vis("organization", v.Organization, m.OrganizationVisibility);
            m.CareerVisibility = Vis("career", v.Career, m.CareerVisibility);
            m.TagsVisibility = Vis("tags", v.Tags, m.TagsVisibility);
            m.LocationVisibility = Vis("location", v.Location, m.LocationVisibility);
            m.BioVisibility = Vis("bio", v.Bio, m.BioVisibility);
            m.LinksVisibility = Vis("links", v.Links, m.LinksVisibility);
            m.OpenToVisibility = Vis("openTo", v.OpenTo, m.OpenToVisibility);
            m.EmailVisibility = Vis("email", v.Email, m.EmailVisibility);
        }
        // Nothing is written unless every field is valid; the tracked changes are dropped with the scope.
        if (errors.Any) return errors;

        m.UpdatedAt = clock.GetUtcNow();
        // Saving one's profile is confirming it is current (profile freshness).
        m.ConfirmedAt = m.UpdatedAt;
        MemberSearchIndex.Update(m);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save of the same profile (a double click) replaced the career or tags first.
            return Result<MemberDto>.Conflict("", "Validation.ProfileChangedMeanwhile");
        }
        return ToDto(m, viewer);
    }

    void SetCareer(Member m, IReadOnlyList<CareerDto> career, FieldErrors errors)
    {
        if (career.Count > 20) { errors.Add("career", "Validation.TooMany", 20); return; }
        var year = clock.GetUtcNow().Year;
        var entries = new List<CareerEntry>();
        for (var i = 0; i < career.Count; i++)
        {
            var c = career[i];
            if (c is null) continue;
            var dep = Check.Text(errors, $"career[{i}].department", c.Department, MemberLimits.Department, required: true);
            var from = Check.Year(errors, $"career[{i}].fromYear", c.FromYear, year);
            var to = Check.Year(errors, $"career[{i}].toYear", c.ToYear, year);
            if (from is not null && to is not null && to < from) errors.Add($"career[{i}].toYear", "Validation.LeftBeforeJoined");
            if (dep is not null) entries.Add(new CareerEntry { Department = dep, FromYear = from, ToYear = to, TenantId = m.TenantId });
        }
        m.Career.Clear();
        m.Career.AddRange(entries);
    }

    static void SetTags(Member m, TagKind kind, IReadOnlyList<string> names, string field, FieldErrors errors)
    {
        if (names.Count > MemberLimits.Tags) { errors.Add(field, "Validation.TooMany", MemberLimits.Tags); return; }
        var fresh = new List<ProfileTag>();
        foreach (var raw in names)
        {
            var name = Check.Text(errors, field, raw, MemberLimits.Tag);
            if (name is null) continue;
            var key = SearchText.Normalize(name);
            // Normalising can lengthen a tag (㍿ becomes 株式会社): the stored key must fit too.
            if (key.Length > MemberLimits.Tag) { errors.Add(field, "Validation.TooLong", MemberLimits.Tag); continue; }
            if (fresh.Any(t => t.Key == key)) continue;
            fresh.Add(new ProfileTag { Kind = kind, Name = name, Key = key, TenantId = m.TenantId });
        }
        m.Tags.RemoveAll(t => t.Kind == kind);
        m.Tags.AddRange(fresh);
    }

    public async Task<Result<MemberDto>> SetPhotoAsync(Stream content, long length, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var jpeg = await photos.ReadAsJpegAsync(content, length, "photo", MemberLimits.PhotoSide, ct);
        if (!jpeg.IsOk) return jpeg.Errors!;

        var m = await db.Members.Include(x => x.Career).Include(x => x.Tags).Include(x => x.User).FirstAsync(x => x.Id == viewer.MemberId, ct);
        var old = m.PhotoPath;
        m.PhotoPath = await files.SaveAsync(m.TenantId, "photos", ".jpg", jpeg.Value!, ct);
        m.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await files.DeleteAsync(old, ct);
        return ToDto(m, viewer);
    }

    public async Task<Result<MemberDto>> RemovePhotoAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var m = await db.Members.Include(x => x.Career).Include(x => x.Tags).Include(x => x.User).FirstAsync(x => x.Id == viewer.MemberId, ct);
        var old = m.PhotoPath;
        m.PhotoPath = null;
        m.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await files.DeleteAsync(old, ct);
        return ToDto(m, viewer);
    }

    /// <summary>
    /// Whose profile (and photo) a viewer may open: others see approved members who agreed to be listed (APPI
    /// purpose "directory"); admins also see the queue's applicants; everyone sees their own.
    /// </summary>
    static System.Linq.Expressions.Expression<Func<Member, bool>> ProfileShownTo(MemberSession viewer)
    {
        var (me, isAdmin) = (viewer.MemberId, viewer.IsAdmin);
        return x => (x.Status == MemberStatus.Approved && (x.WithheldPurposes & Privacy.Purpose.Directory) == Privacy.Purpose.None)
            || x.Id == me || isAdmin;
    }

    /// <summary>Which of these members' profiles the signed-in viewer may open: the profile page's own rule, so a
    /// name links only where the link would not end in a 404. Nobody signed in opens none.</summary>
    public async Task<IReadOnlySet<long>> ProfilesShownAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        if (viewer is null || ids.Count == 0) return new HashSet<long>();
        var shown = await db.Members.AsNoTracking()
            .Where(x => ids.Contains(x.Id)).Where(ProfileShownTo(viewer))
            .Select(x => x.Id).ToListAsync(ct);
        return shown.ToHashSet();
    }

    /// <summary>The photo's file, when the viewer may see it; the same rule as the profile.</summary>
    public async Task<Stream?> OpenPhotoAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var m = await db.Members.AsNoTracking()
            .Where(x => x.Id == id).Where(ProfileShownTo(viewer))
            .Select(x => new { x.Id, x.PhotoPath, x.PhotoVisibility })
            .FirstOrDefaultAsync(ct);
        if (m?.PhotoPath is null || !(m.Id == viewer.MemberId || m.PhotoVisibility <= viewer.ViewerLevel)) return null;
        return await files.OpenAsync(m.PhotoPath, ct);
    }
}
