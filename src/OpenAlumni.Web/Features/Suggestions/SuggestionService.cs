using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Audit;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Suggestions;

/// <summary>A reason as the reader reads it: its signal and one sentence in their language.</summary>
public sealed record SuggestionReasonDto(string Signal, string Text);

/// <summary>A person worth meeting this week, with why.</summary>
public sealed record SuggestionDto(MemberCardDto Member, IReadOnlyList<SuggestionReasonDto> Reasons)
{
    public int Score { get; init; }
    /// <summary>The Monday of the week it is for (yyyy-MM-dd, the network's calendar).</summary>
    public required string Week { get; init; }
}

public sealed record SuggestionFeedbackInput(string? Value);
public sealed record SuggestionWeightsDto(IReadOnlyDictionary<string, int> Weights);
public sealed record SuggestionWeightsInput(IReadOnlyDictionary<string, int?>? Weights);

/// <summary>
/// People worth meeting: a member's week, written at their first look (or by the digest) and read as written; feedback;
/// the network's weights. The finding itself is <see cref="SuggestionEngine"/>.
/// </summary>
public sealed class SuggestionService(AlumniDb db, CurrentMember current, ITenantContext tenant, DirectoryService directory, SuggestionEngine engine,
    AuditLog audit, TimeProvider clock, IStringLocalizer<SuggestionTexts> T, IStringLocalizer<MemberTexts> M)
{
    /// <summary>The Monday of the week of <paramref name="at"/> in the network's time zone.</summary>
    public static DateOnly WeekOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>Writes one week of suggestions found at <paramref name="at"/> (the demo writes past weeks with it).</summary>
    public static List<Suggestion> Rows(long memberId, DateOnly week, DateTimeOffset at, IReadOnlyList<SuggestedPerson> found) =>
        found.Select((p, i) => new Suggestion
        {
            MemberId = memberId, SuggestedMemberId = p.MemberId, Week = week, Rank = i + 1, Score = p.Score,
            Reasons = SuggestionReason.Write(p.Reasons), CreatedAt = at, FollowUpBy = at + Suggestion.FollowUpWindow,
        }).ToList();

    public async Task<Result<IReadOnlyList<SuggestionDto>>> MineAsync(CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsApproved) return Result<IReadOnlyList<SuggestionDto>>.Forbidden();
        var rows = await WeekAsync(me.MemberId, ct);
        return new Result<IReadOnlyList<SuggestionDto>>(ResultStatus.Ok, await ShowAsync(me, rows.Where(r => r.Feedback == SuggestionFeedback.None).ToList(), ct), null);
    }

    /// <summary>This week's suggestions for a member, written now if this is the first look of the week.</summary>
    public async Task<List<Suggestion>> WeekAsync(long memberId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var week = WeekOf(now, tenant.Tenant!.TimeZoneInfo);
        var rows = await ThisWeek(memberId, week).ToListAsync(ct);
        if (rows.Count > 0) return rows;
        var found = await engine.FindAsync(memberId, now, await WeightsAsync(ct), ct);
        if (found.Count == 0) return [];
        var fresh = Rows(memberId, week, now, found);
        db.AddRange(fresh);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Two first looks at once (two tabs, the digest): the other wrote the week; read theirs.
            foreach (var row in fresh) db.Entry(row).State = EntityState.Detached;
            return await ThisWeek(memberId, week).ToListAsync(ct);
        }
        return fresh;
    }

    IQueryable<Suggestion> ThisWeek(long memberId, DateOnly week) =>
        db.Set<Suggestion>().AsNoTracking().Where(s => s.MemberId == memberId && s.Week == week).OrderBy(s => s.Rank);

    /// <summary>
    /// The suggestions as the reader may see them now: each reason checked again against today's visibility, spaces,
    /// posts and blocks (what was true on Monday may have been hidden since), named in the reader's language.
    /// </summary>
    public async Task<IReadOnlyList<SuggestionDto>> ShowAsync(MemberSession me, IReadOnlyList<Suggestion> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var level = me.ViewerLevel;
        var ids = rows.Select(r => r.SuggestedMemberId).ToList();
        var blocked = await Messages.MemberBlocks.BetweenAsync(db, me.MemberId, ids, ct);
        var people = await db.Members.AsNoTracking().Approved().Consenting(Purpose.Directory).Where(m => ids.Contains(m.Id) && !blocked.Contains(m.Id))
            .Select(m => new
            {
                m.Id, Tags = m.TagsVisibility <= level, Career = m.CareerVisibility <= level,
                OpenTo = m.OpenToVisibility <= level ? m.OpenTo & SuggestionEngine.Approachable : OpenTo.None,
            }).ToDictionaryAsync(m => m.Id, ct);

        var stored = rows.ToDictionary(r => r.Id, r => SuggestionReason.Read(r.Reasons));
        List<long> IdsOf(string signal) => stored.Values.SelectMany(x => x).Where(r => r.Signal == signal).SelectMany(r => r.Ids ?? []).Distinct().ToList();
        var spaceIds = IdsOf("spaces");
        var spaces = spaceIds.Count == 0 ? [] : await db.Set<Spaces.Space>().AsNoTracking().Where(s => spaceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.NameEn }).ToDictionaryAsync(s => s.Id, ct);
        var inSpaces = spaceIds.Count == 0 ? [] : await db.Set<Spaces.SpaceMember>().AsNoTracking()
            .Where(s => spaceIds.Contains(s.SpaceId) && s.Status == Spaces.SpaceMemberStatus.Member && (s.MemberId == me.MemberId || ids.Contains(s.MemberId)))
            .Select(s => new { s.SpaceId, s.MemberId }).ToListAsync(ct);
        var eventIds = IdsOf("events");
        var events = eventIds.Count == 0 ? [] : await db.Set<Events.Event>().AsNoTracking().Where(e => eventIds.Contains(e.Id) && e.Status == Events.EventStatus.Published)
            .Select(e => new { e.Id, e.Title }).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        var postIds = IdsOf("posts");
        var posts = postIds.Count == 0 ? [] : await db.Set<Post>().AsNoTracking().VisibleTo(await MemberAudience.ReaderAsync(db, me.MemberId, ct))
            .Where(p => postIds.Contains(p.Id) && p.Status == PostStatus.Published && p.HiddenAt == null).Select(p => new { p.Id, p.Title, p.AuthorMemberId })
            .ToDictionaryAsync(p => p.Id, ct);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

        var shown = new List<(Suggestion Row, List<SuggestionReasonDto> Reasons)>();
        foreach (var row in rows)
        {
            if (!people.TryGetValue(row.SuggestedMemberId, out var p)) continue;
            var reasons = new List<SuggestionReasonDto>();
            foreach (var r in stored[row.Id])
            {
                IReadOnlyList<string> facts = r.Signal switch
                {
                    "skills" or "interests" => p.Tags ? r.Facts ?? [] : [],
                    "department" => p.Career ? r.Facts ?? [] : [],
                    "openTo" => (r.Facts ?? []).Where(f => Enum.TryParse<OpenTo>(f, true, out var flag) && p.OpenTo.HasFlag(flag))
                        .Select(f => M["OpenTo" + Enum.Parse<OpenTo>(f, true)].Value is var name && english ? name.ToLowerInvariant() : name).ToList(),
                    "spaces" => (r.Ids ?? []).Where(s => spaces.ContainsKey(s)
                            && inSpaces.Any(x => x.SpaceId == s && x.MemberId == me.MemberId) && inSpaces.Any(x => x.SpaceId == s && x.MemberId == p.Id))
                        .Select(s => english && !string.IsNullOrWhiteSpace(spaces[s].NameEn) ? spaces[s].NameEn! : spaces[s].Name).ToList(),
                    "events" => (r.Ids ?? []).Where(events.ContainsKey).Select(e => events[e]).ToList(),
                    "posts" => (r.Ids ?? []).Where(x => posts.TryGetValue(x, out var post) && post.AuthorMemberId == p.Id).Select(x => posts[x].Title).ToList(),
                    _ => [],
                };
                if (facts.Count == 0) continue;
                var list = string.Join(english ? ", " : "、", facts.Take(SuggestionWeights.MaxFactsPerReason).Select(f => r.Signal is "events" or "posts" ? Quote(f, english) : f));
                reasons.Add(new SuggestionReasonDto(r.Signal, T["Reason." + r.Signal, list].Value));
            }
            // Being open to something is never the whole reason (as when the week was written).
            if (reasons.Any(r => r.Signal != "openTo")) shown.Add((row, reasons));
        }
        if (shown.Count == 0) return [];
        var cards = (await directory.SearchAsync(new DirectoryQuery(PageSize: DirectoryService.MaxPageSize) { Ids = shown.Select(s => s.Row.SuggestedMemberId).ToList() }, ct))
            .Value?.Items.ToDictionary(c => c.Id) ?? [];
        return shown.Where(s => cards.ContainsKey(s.Row.SuggestedMemberId))
            .Select(s => new SuggestionDto(cards[s.Row.SuggestedMemberId], s.Reasons) { Score = s.Row.Score, Week = s.Row.Week.ToString("yyyy-MM-dd") })
            .ToList();
    }

    static string Quote(string title, bool english) => english ? $"“{title}”" : $"「{title}」";

    /// <summary>"Not relevant" or "already know": this person is not suggested again, and "not relevant" weighs the reasons given less for me.</summary>
    public async Task<Result<bool>> FeedbackAsync(long memberId, string? value, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        SuggestionFeedback? feedback = value?.Trim().ToLowerInvariant() switch
        {
            "notrelevant" => SuggestionFeedback.NotRelevant,
            "alreadyknow" => SuggestionFeedback.AlreadyKnow,
            _ => null,
        };
        if (feedback is null)
            return string.IsNullOrWhiteSpace(value) ? FieldErrors.Of("value", "Validation.Required") : FieldErrors.Of("value", "Validation.OneOf", "notRelevant, alreadyKnow");
        var row = await db.Set<Suggestion>().Where(s => s.MemberId == me.MemberId && s.SuggestedMemberId == memberId)
            .OrderByDescending(s => s.Week).FirstOrDefaultAsync(ct);
        if (row is null) return Result<bool>.NotFound();
        row.Feedback = feedback.Value;
        row.FeedbackAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The network's weight per signal: its own where it set one, else the default.</summary>
    public async Task<IReadOnlyDictionary<SuggestionSignal, int>> WeightsAsync(CancellationToken ct)
    {
        var own = await db.Set<SuggestionWeight>().AsNoTracking().ToDictionaryAsync(w => w.Signal, w => w.Weight, ct);
        return SuggestionWeights.Defaults.ToDictionary(d => d.Key, d => own.TryGetValue(d.Key, out var w) ? w : d.Value);
    }

    static SuggestionWeightsDto WeightsDto(IReadOnlyDictionary<SuggestionSignal, int> weights) =>
        new(weights.OrderBy(w => w.Key).ToDictionary(w => WireNames.Of(w.Key), w => w.Value));

    public async Task<Result<SuggestionWeightsDto>> GetWeightsAsync(CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return Result<SuggestionWeightsDto>.Forbidden();
        return WeightsDto(await WeightsAsync(ct));
    }

    /// <summary>Sets the weights named (0 to <see cref="SuggestionWeights.Max"/>; null: back to the default); the others stay. Audited.</summary>
    public async Task<Result<SuggestionWeightsDto>> SetWeightsAsync(IReadOnlyDictionary<string, int?>? weights, CancellationToken ct)
    {
        if (!(await current.RequireAsync(ct)).IsAdmin) return Result<SuggestionWeightsDto>.Forbidden();
        var errors = new FieldErrors();
        if (weights is null || weights.Count == 0) errors.Add("weights", "Validation.Required");
        var parsed = new Dictionary<SuggestionSignal, int?>();
        foreach (var (name, weight) in weights ?? new Dictionary<string, int?>())
        {
            if (Check.Enum<SuggestionSignal>(errors, "weights", name, required: true) is not { } signal) continue;
            if (weight is < 0 or > SuggestionWeights.Max) errors.Add($"weights.{name}", "Validation.OutOfRange", 0, SuggestionWeights.Max);
            else parsed[signal] = weight;
        }
        if (errors.Any) return errors;
        var before = await WeightsAsync(ct);
        var rows = await db.Set<SuggestionWeight>().ToListAsync(ct);
        foreach (var (signal, weight) in parsed)
        {
            var row = rows.FirstOrDefault(r => r.Signal == signal);
            if (weight is null || weight == SuggestionWeights.Defaults[signal]) { if (row is not null) db.Remove(row); }
            else if (row is not null) row.Weight = weight.Value;
            else db.Add(new SuggestionWeight { Signal = signal, Weight = weight.Value });
        }
        var after = before.ToDictionary(b => b.Key, b => parsed.TryGetValue(b.Key, out var w) ? w ?? SuggestionWeights.Defaults[b.Key] : b.Value);
        await audit.AddAsync("suggestion.weights", "network", null, WeightsDto(before).Weights, WeightsDto(after).Weights, ct);
        await db.SaveChangesAsync(ct);
        return WeightsDto(after);
    }
}
