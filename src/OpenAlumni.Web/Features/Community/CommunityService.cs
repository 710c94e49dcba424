using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Collaborations;
using OpenAlumni.Web.Features.Events;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Community;

public sealed record CommunityNumbersDto(int Members, int Alumni, int Employees, int EventsHeld, int Collaborations);
public sealed record CommunityEventDto(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
/// <summary>A featured story: the name (always visible to the network), organization and title only when network-visible.</summary>
public sealed record StoryDto(string DisplayName, string? Organization, string? Title, string Story);
public sealed record CommunityDto(string Network, CommunityNumbersDto Numbers, IReadOnlyList<CommunityEventDto> UpcomingEvents, IReadOnlyList<StoryDto> Stories);

public sealed record CommunitySettingsInput(bool Enabled);
public sealed record StoryInput(long? MemberId, string? Story);
public sealed record AdminStoryDto(long Id, long MemberId, string DisplayName, string Story, bool MemberConsents);
public sealed record CommunityAdminDto(bool Enabled, IReadOnlyList<AdminStoryDto> Stories);

/// <summary>
/// The public page for the company's intranet (and its iframe widget): aggregates, events open to everyone,
/// and stories of alumni who agreed to be featured. Nothing personal beyond a consenting member's
/// network-visible fields. When the network switched it off, there is no page (404).
/// </summary>
public sealed class CommunityService(AlumniDb db, CurrentMember current, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>Read from the database, not the cached tenant, so switching takes effect at once.</summary>
    public async Task<bool> IsEnabledAsync(CancellationToken ct) =>
        tenant.Tenant is not null && await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId).Select(t => t.CommunityPageEnabled).FirstOrDefaultAsync(ct);

    public async Task<CommunityDto?> GetAsync(CancellationToken ct)
    {
        if (!await IsEnabledAsync(ct)) return null;
        var now = clock.GetUtcNow();
        var byKind = await db.Members.AsNoTracking().Approved().GroupBy(m => m.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        // A space's events reach the public page only from an open space (what everyone in the network may read):
        // a secret space's are not even counted.
        var open = db.Set<Spaces.Space>().Where(x => x.Visibility == Spaces.SpaceVisibility.Open).Select(x => (long?)x.Id);
        var networkWide = db.Set<Event>().Where(e => e.SpaceId == null || open.Contains(e.SpaceId));
        var held = await networkWide.CountAsync(e => e.Status == EventStatus.Published && e.EndsAt <= now, ct);
        var collaborations = await db.Set<Collaboration>().CountAsync(c => c.Status == CollaborationStatus.Accepted, ct);
        var t = tenant.Tenant!;
        // Only events every member may see: audience all and no segment (a segment would tell who it is for).
        var everyone = new Segment();
        var events = (await networkWide.AsNoTracking()
                .Where(e => e.Status == EventStatus.Published && e.Audience == EventAudience.All && e.StartsAt > now && e.Segment == everyone)
                .OrderBy(e => e.StartsAt).Take(CommunityLimits.UpcomingEvents).Select(e => new { e.Title, e.StartsAt, e.EndsAt }).ToListAsync(ct))
            .Select(e => new CommunityEventDto(e.Title, t.ToLocal(e.StartsAt), t.ToLocal(e.EndsAt))).ToList();
        var stories = (await db.Set<FeaturedStory>().AsNoTracking().OrderByDescending(s => s.Id)
                .Join(db.Members.Approved().Consenting(Purpose.Featured), s => s.MemberId, m => m.Id, (s, m) => new
                {
                    s.Story, m.FamilyName, m.GivenName, m.RomanizedName,
                    Organization = m.OrganizationVisibility == Visibility.Network ? m.Organization : null,
                    Title = m.OrganizationVisibility == Visibility.Network ? m.Title : null,
                }).Take(CommunityLimits.Stories).ToListAsync(ct))
            .Select(s => new StoryDto(PersonName.Display(s.FamilyName, s.GivenName, s.RomanizedName), s.Organization, s.Title, s.Story)).ToList();
        int Count(MemberKind k) => byKind.FirstOrDefault(x => x.Key == k)?.Count ?? 0;
        return new CommunityDto(t.Name, new CommunityNumbersDto(Count(MemberKind.Alumni) + Count(MemberKind.Employee), Count(MemberKind.Alumni), Count(MemberKind.Employee), held, collaborations),
            events, stories);
    }

    public async Task<Result<CommunityAdminDto>> AdminAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<CommunityAdminDto>.Forbidden();
        var stories = (await db.Set<FeaturedStory>().AsNoTracking().OrderByDescending(s => s.Id)
                .Join(db.Members, s => s.MemberId, m => m.Id, (s, m) => new { s.Id, s.MemberId, m.FamilyName, m.GivenName, m.RomanizedName, s.Story, Consents = (m.WithheldPurposes & Purpose.Featured) == Purpose.None }).ToListAsync(ct))
            .Select(s => new AdminStoryDto(s.Id, s.MemberId, PersonName.Display(s.FamilyName, s.GivenName, s.RomanizedName), s.Story, s.Consents)).ToList();
        return new CommunityAdminDto(await IsEnabledAsync(ct), stories);
    }

    public async Task<Result<CommunityAdminDto>> SetEnabledAsync(bool enabled, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<CommunityAdminDto>.Forbidden();
        await db.Tenants.Where(t => t.Id == tenant.TenantId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CommunityPageEnabled, enabled), ct);
        return await AdminAsync(ct);
    }

    /// <summary>An admin features a member; the story shows only while that member consents (their profile's setting).</summary>
    public async Task<Result<AdminStoryDto>> AddStoryAsync(StoryInput input, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<AdminStoryDto>.Forbidden();
        var errors = new FieldErrors();
        var story = Check.Text(errors, "story", input.Story, CommunityLimits.Story, required: true);
        var m = input.MemberId is { } id ? await db.Members.AsNoTracking().Approved().FirstOrDefaultAsync(x => x.Id == id, ct) : null;
        if (input.MemberId is null) errors.Add("memberId", "Validation.Required");
        else if (m is null) errors.Add("memberId", "Community.MemberUnknown");
        if (errors.Any) return errors;
        var row = await db.Set<FeaturedStory>().FirstOrDefaultAsync(s => s.MemberId == m!.Id, ct);
        if (row is null) db.Add(row = new FeaturedStory { MemberId = m!.Id, Story = story!, ChosenByMemberId = me.MemberId, CreatedAt = clock.GetUtcNow() });
        else row.Story = story!;
        await db.SaveChangesAsync(ct);
        return new AdminStoryDto(row.Id, m!.Id, m.DisplayName, row.Story, m.Has(Purpose.Featured));
    }

    public async Task<Result<bool>> RemoveStoryAsync(long id, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<bool>.Forbidden();
        return await db.Set<FeaturedStory>().Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0 ? true : Result<bool>.NotFound();
    }
}
