using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Posts;
using OpenAlumni.Web.Features.Privacy;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Suggestions;

/// <summary>
/// One reason, as stored: its signal (wire name), the facts it names in words (tags, departments with years, the
/// "open to" flags) or the ids of what it names (spaces, events, posts: named at reading, in the reader's language
/// and only while the reader may still see them).
/// </summary>
public sealed record SuggestionReason(string Signal, IReadOnlyList<string>? Facts = null, IReadOnlyList<long>? Ids = null)
{
    [System.Text.Json.Serialization.JsonIgnore] public int Count => Math.Max(Facts?.Count ?? 0, Ids?.Count ?? 0);

    static readonly JsonSerializerOptions json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    public static string Write(IReadOnlyList<SuggestionReason> reasons) => JsonSerializer.Serialize(reasons, json);
    public static IReadOnlyList<SuggestionReason> Read(string stored) => JsonSerializer.Deserialize<List<SuggestionReason>>(stored, json) ?? [];
}

public sealed record SuggestedPerson(long MemberId, int Score, IReadOnlyList<SuggestionReason> Reasons);

/// <summary>
/// Finds the people worth meeting for one member at one moment. Every reason is built only from what that member may
/// see of the other (a field above their level gives no reason, so nothing hidden is revealed by a suggestion), and
/// only among members listed in the directory, not blocked either way, not already known (a conversation, a
/// consultation or a card exchange between them), not suggested in the last three weeks, and never again after
/// feedback. The score is the sum of the reasons' weights (see <see cref="SuggestionWeights"/>); a signal the member
/// called "not relevant" counts half as much for them each time.
/// </summary>
public sealed class SuggestionEngine(AlumniDb db)
{
    public const int PerWeek = 5;
    public static readonly TimeSpan Rotation = TimeSpan.FromDays(21), EventsWithin = TimeSpan.FromDays(365), PostsWithin = TimeSpan.FromDays(180);
    /// <summary>The "open to" flags that make someone worth meeting (speaking and rehire are for the secretariat).</summary>
    public const OpenTo Approachable = OpenTo.Consultation | OpenTo.Mentoring | OpenTo.Collaboration | OpenTo.SideProjects;
    const int MaxPostKeys = 10, MaxPerSignal = 200;

    public static Visibility LevelOf(MemberKind kind, MemberRole role, MemberStatus status) =>
        role == MemberRole.Admin && status == MemberStatus.Approved ? Visibility.Admins : kind == MemberKind.Employee ? Visibility.Employees : Visibility.Network;

    public async Task<IReadOnlyList<SuggestedPerson>> FindAsync(long me, DateTimeOffset at, IReadOnlyDictionary<SuggestionSignal, int> weights, CancellationToken ct)
    {
        var viewer = await db.Members.AsNoTracking().Where(m => m.Id == me)
            .Select(m => new
            {
                m.Kind, m.Role, m.Status,
                Tags = m.Tags.Select(t => new { t.Key, t.Kind }).ToList(),
                Career = m.Career.Select(c => new { c.Department, c.FromYear, c.ToYear }).ToList(),
            }).AsSingleQuery().FirstAsync(ct);
        var level = LevelOf(viewer.Kind, viewer.Role, viewer.Status);
        var excluded = await ExcludedAsync(me, at, ct);
        var pool = db.Members.AsNoTracking().Approved().Consenting(Purpose.Directory)
            .Where(m => m.Id != me && m.CreatedAt <= at && !excluded.Contains(m.Id));

        var found = new Dictionary<long, List<SuggestionReason>>();
        void Add(long id, SuggestionReason r) => (found.TryGetValue(id, out var l) ? l : found[id] = []).Add(r);

        // Skills and interests the member shares with mine (either kind of mine): a skill of theirs is "skills".
        var myKeys = viewer.Tags.Select(t => t.Key).Distinct().ToList();
        if (myKeys.Count > 0)
        {
            var shared = db.Set<ProfileTag>().AsNoTracking().Where(t => myKeys.Contains(t.Key) && pool.Any(m => m.Id == t.MemberId && m.TagsVisibility <= level));
            var top = await TopAsync(shared.Select(t => t.MemberId), ct);
            var tags = await shared.Where(t => top.Contains(t.MemberId)).OrderBy(t => t.Id).Select(t => new { t.MemberId, t.Kind, t.Name, t.Key }).ToListAsync(ct);
            foreach (var g in tags.GroupBy(t => t.MemberId))
            {
                var skills = g.Where(t => t.Kind == TagKind.Skill).ToList();
                if (skills.Count > 0) Add(g.Key, new("skills", skills.Select(t => t.Name).ToList()));
                var interests = g.Where(t => t.Kind == TagKind.Interest && skills.All(s => s.Key != t.Key)).ToList();
                if (interests.Count > 0) Add(g.Key, new("interests", interests.Select(t => t.Name).ToList()));
            }
        }

        // The same department; with the years both gave, the years they overlapped ("Energy 2005–2012").
        var myDepartments = viewer.Career.Select(c => c.Department).Distinct().ToList();
        if (myDepartments.Count > 0)
        {
            var shared = db.Set<CareerEntry>().AsNoTracking().Where(c => myDepartments.Contains(c.Department) && pool.Any(m => m.Id == c.MemberId && m.CareerVisibility <= level));
            var top = await TopAsync(shared.Select(c => c.MemberId), ct);
            var careers = await shared.Where(c => top.Contains(c.MemberId)).OrderBy(c => c.Id).Select(c => new { c.MemberId, c.Department, c.FromYear, c.ToYear }).ToListAsync(ct);
            var thisYear = at.Year;
            foreach (var g in careers.GroupBy(c => c.MemberId))
            {
                var facts = new List<string>();
                foreach (var theirs in g.DistinctBy(c => c.Department))
                {
                    var overlap = viewer.Career.Where(c => c.Department == theirs.Department && c.FromYear is not null && theirs.FromYear is not null)
                        .Select(c => (From: Math.Max(c.FromYear!.Value, theirs.FromYear!.Value), To: Math.Min(c.ToYear ?? thisYear, theirs.ToYear ?? thisYear)))
                        .Where(o => o.From <= o.To).OrderByDescending(o => o.To - o.From).FirstOrDefault();
                    facts.Add(overlap == default ? theirs.Department : $"{theirs.Department} {overlap.From}–{overlap.To}");
                }
                Add(g.Key, new("department", facts));
            }
        }

        // Spaces we are both members of (a secret space only ever between its members).
        var mySpaces = await db.Set<Spaces.SpaceMember>().AsNoTracking()
            .Where(s => s.MemberId == me && s.Status == Spaces.SpaceMemberStatus.Member).Select(s => s.SpaceId).ToListAsync(ct);
        if (mySpaces.Count > 0)
        {
            var rows = db.Set<Spaces.SpaceMember>().AsNoTracking()
                .Where(s => mySpaces.Contains(s.SpaceId) && s.Status == Spaces.SpaceMemberStatus.Member && pool.Any(m => m.Id == s.MemberId));
            var top = await TopAsync(rows.Select(s => s.MemberId), ct);
            var shared = await rows.Where(s => top.Contains(s.MemberId)).OrderBy(s => s.SpaceId).Select(s => new { s.MemberId, s.SpaceId }).ToListAsync(ct);
            foreach (var g in shared.GroupBy(s => s.MemberId)) Add(g.Key, new("spaces", Ids: g.Select(s => s.SpaceId).ToList()));
        }

        // Events we were both checked in at, in the last year: we were in the same room.
        var since = at - EventsWithin;
        var attended = db.Set<Events.Rsvp>().AsNoTracking().Where(r => r.Status == Events.RsvpStatus.Confirmed && r.CheckedInAt != null)
            .Join(db.Set<Events.Event>().Where(e => e.Status == Events.EventStatus.Published && e.EndsAt <= at && e.EndsAt >= since), r => r.EventId, e => e.Id, (r, e) => r);
        var myEvents = await attended.Where(r => r.MemberId == me).Select(r => r.EventId).ToListAsync(ct);
        if (myEvents.Count > 0)
        {
            var rows = attended.Where(r => myEvents.Contains(r.EventId) && pool.Any(m => m.Id == r.MemberId));
            var top = await TopAsync(rows.Select(r => r.MemberId), ct);
            var together = await rows.Where(r => top.Contains(r.MemberId)).OrderByDescending(r => r.EventId).Select(r => new { r.MemberId, r.EventId }).ToListAsync(ct);
            foreach (var g in together.GroupBy(r => r.MemberId)) Add(g.Key, new("events", Ids: g.Select(r => r.EventId).ToList()));
        }

        // What they posted or asked about, in the last half year, on a skill or interest of mine (posts I may read).
        if (myKeys.Count > 0)
        {
            var reader = await MemberAudience.ReaderAsync(db, me, ct);
            var recent = at - PostsWithin;
            var posts = db.Set<Post>().AsNoTracking().VisibleTo(reader)
                .Where(p => p.Status == PostStatus.Published && p.HiddenAt == null && p.Room != Room.Announcements && p.PublishedAt >= recent && p.PublishedAt <= at
                            && pool.Any(m => m.Id == p.AuthorMemberId));
            var hits = new Dictionary<long, SortedSet<long>>();
            foreach (var key in myKeys.Take(MaxPostKeys))
            {
                var rows = await posts.Where(p => p.SearchText.Contains(key)).OrderByDescending(p => p.Id).Take(50)
                    .Select(p => new { p.AuthorMemberId, p.Id }).ToListAsync(ct);
                foreach (var r in rows) (hits.TryGetValue(r.AuthorMemberId, out var s) ? s : hits[r.AuthorMemberId] = []).Add(r.Id);
            }
            foreach (var (author, postIds) in hits) Add(author, new("posts", Ids: postIds.Reverse().Take(SuggestionWeights.MaxFactsPerReason).ToList()));
        }

        if (found.Count == 0) return [];
        var ids = found.Keys.ToList();
        var meta = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, OpenTo = m.OpenToVisibility <= level ? m.OpenTo & Approachable : OpenTo.None, m.LastActiveAt })
            .ToDictionaryAsync(m => m.Id, ct);
        var damping = await DampingAsync(me, ct);
        var ranked = new List<(SuggestedPerson Person, DateTimeOffset? Active)>();
        foreach (var (id, reasons) in found)
        {
            if (!meta.TryGetValue(id, out var m)) continue;
            // Being open to consultation is a reason to meet someone one has something in common with, not on its own.
            if (m.OpenTo != OpenTo.None)
                reasons.Add(new("openTo", Enum.GetValues<OpenTo>().Where(f => f != OpenTo.None && m.OpenTo.HasFlag(f)).Select(WireNames.Of).ToList()));
            var scored = reasons.Select(r => (Reason: r, Points: Points(r, weights, damping))).Where(x => x.Points > 0).OrderByDescending(x => x.Points).ToList();
            if (scored.All(x => x.Reason.Signal == "openTo")) continue;
            ranked.Add((new SuggestedPerson(id, (int)Math.Round(scored.Sum(x => x.Points)), scored.Select(x => x.Reason).ToList()), m.LastActiveAt));
        }
        return ranked.OrderByDescending(r => r.Person.Score).ThenByDescending(r => r.Active).ThenBy(r => r.Person.MemberId)
            .Take(PerWeek).Select(r => r.Person).ToList();
    }

    /// <summary>
    /// The members with the most rows of a signal (ties: the newest), at most <see cref="MaxPerSignal"/>: a popular skill or a
    /// big space is shared by thousands, and only the people it explains best can be among the five.
    /// </summary>
    static Task<List<long>> TopAsync(IQueryable<long> memberIds, CancellationToken ct) =>
        memberIds.GroupBy(id => id).Select(g => new { Id = g.Key, Rows = g.Count() })
            .OrderByDescending(x => x.Rows).ThenByDescending(x => x.Id).Take(MaxPerSignal).Select(x => x.Id).ToListAsync(ct);

    /// <summary>A reason's weight times the facts it names (up to three); a department whose years overlapped counts once more.</summary>
    static double Points(SuggestionReason r, IReadOnlyDictionary<SuggestionSignal, int> weights, IReadOnlyDictionary<string, double> damping)
    {
        var signal = Enum.Parse<SuggestionSignal>(r.Signal, ignoreCase: true);
        var facts = Math.Min(r.Count, SuggestionWeights.MaxFactsPerReason);
        if (signal == SuggestionSignal.OpenTo) facts = 1;
        if (signal == SuggestionSignal.Department && r.Facts!.Any(f => f.Contains('–'))) facts++;
        return weights[signal] * facts * damping.GetValueOrDefault(r.Signal, 1);
    }

    /// <summary>Per signal, how much it still counts for this member: halved for each "not relevant" on a suggestion it explained, down to an eighth.</summary>
    async Task<IReadOnlyDictionary<string, double>> DampingAsync(long me, CancellationToken ct)
    {
        var refused = await db.Set<Suggestion>().AsNoTracking().Where(s => s.MemberId == me && s.Feedback == SuggestionFeedback.NotRelevant)
            .Select(s => s.Reasons).ToListAsync(ct);
        return refused.SelectMany(r => SuggestionReason.Read(r).Select(x => x.Signal).Distinct())
            .GroupBy(s => s).ToDictionary(g => g.Key, g => Math.Pow(0.5, Math.Min(g.Count(), 3)));
    }

    /// <summary>Who is not suggested to <paramref name="me"/> at <paramref name="at"/>: blocked either way, already known, recently suggested, or given feedback on.</summary>
    async Task<List<long>> ExcludedAsync(long me, DateTimeOffset at, CancellationToken ct)
    {
        var blocks = await db.Set<Messages.MemberBlock>().AsNoTracking().Where(b => b.BlockerMemberId == me || b.BlockedMemberId == me)
            .Select(b => b.BlockerMemberId == me ? b.BlockedMemberId : b.BlockerMemberId).ToListAsync(ct);
        var recent = at - Rotation;
        var suggested = await db.Set<Suggestion>().AsNoTracking()
            .Where(s => s.MemberId == me && (s.Feedback != SuggestionFeedback.None || (s.CreatedAt >= recent && s.CreatedAt < at)))
            .Select(s => s.SuggestedMemberId).ToListAsync(ct);
        var known = await KnownBeforeAsync(me, at, ct);
        return blocks.Concat(suggested).Concat(known).Distinct().ToList();
    }

    /// <summary>The members <paramref name="me"/> was in touch with before <paramref name="at"/>: a conversation, a consultation request either way, a card exchange.</summary>
    async Task<List<long>> KnownBeforeAsync(long me, DateTimeOffset at, CancellationToken ct)
    {
        var participants = db.Set<Messages.ConversationParticipant>().AsNoTracking();
        var talked = await participants.Where(p => p.MemberId == me)
            .Join(db.Set<Messages.Conversation>().Where(c => c.CreatedAt < at), p => p.ConversationId, c => c.Id, (p, c) => c.Id)
            .SelectMany(c => participants.Where(o => o.ConversationId == c && o.MemberId != me).Select(o => o.MemberId)).ToListAsync(ct);
        var consulted = await db.Set<Consultations.ConsultationRequest>().AsNoTracking()
            .Where(c => (c.RequesterMemberId == me || c.RecipientMemberId == me) && c.CreatedAt < at)
            .Select(c => c.RequesterMemberId == me ? c.RecipientMemberId : c.RequesterMemberId).ToListAsync(ct);
        var met = await db.Set<Events.CardExchange>().AsNoTracking().Where(x => x.MemberId == me && x.ExchangedAt < at)
            .Select(x => x.OtherMemberId).ToListAsync(ct);
        return talked.Concat(consulted).Concat(met).ToList();
    }
}
