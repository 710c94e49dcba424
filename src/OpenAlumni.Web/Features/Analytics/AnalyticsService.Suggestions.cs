using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Features.Suggestions;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>
/// People worth meeting in a period: suggestions made, how many were followed up within <see cref="Suggestion.FollowUpWindow"/>
/// by a message between the two, a consultation request either way or a card exchange, and the feedback. <c>FollowUpRate</c>
/// is followed up / made (null when none were made). A suggestion may be followed up more ways than one, so the three
/// counts may add up to more than <c>FollowedUp</c>.
/// </summary>
public sealed record SuggestionReportDto(string From, string To, int Suggestions, int Members, int FollowedUp, double? FollowUpRate,
    int ByMessage, int ByConsultation, int ByCard, int NotRelevant, int AlreadyKnow, IReadOnlyList<SignalRowDto> BySignal);

/// <summary>Per signal: the suggestions it explained and the share followed up (null below <see cref="AnalyticsService.MinRateBase"/>, too few to say).</summary>
public sealed record SignalRowDto(string Signal, int Suggestions, int FollowedUp, double? FollowUpRate);

public sealed partial class AnalyticsService
{
    /// <summary>Fewer suggestions than this give no rate for a signal: one follow-up would swing it wildly.</summary>
    public const int MinRateBase = 5;

    public async Task<Result<SuggestionReportDto>> SuggestionReportAsync(AnalyticsQuery q, CancellationToken ct)
    {
        var me = await current.RequireAsync(ct);
        if (!me.IsAdmin) return Result<SuggestionReportDto>.Forbidden();
        var errors = new FieldErrors();
        var p = Read(errors, q);
        if (errors.Any) return errors;
        if (p!.SpaceId is { } space && !await db.Set<Spaces.Space>().AnyAsync(s => s.Id == space, ct)) return FieldErrors.Of("spaceId", "Posts.SpaceNotFound");
        var members = Segment(db.Members.AsNoTracking().NotFormer(), p);
        segmented = p.Kind is not null || p.Department is not null || p.SpaceId is not null;
        if (await TooSmallAsync(members, p, ct) is { } tooSmall) return tooSmall;
        return await SuggestionsInAsync(members, p, ct);
    }

    /// <remarks>
    /// Each suggestion's follow-up is an EXISTS per way, evaluated by the database over the pair's indexes (participants by
    /// member, consultations by requester, card exchanges by member and other), and summed there: one aggregate for the
    /// totals and one per signal, whatever the number of suggestions.
    /// </remarks>
    async Task<SuggestionReportDto> SuggestionsInAsync(IQueryable<Member> members, Period p, CancellationToken ct)
    {
        var query = db.Set<Suggestion>().AsNoTracking().Where(s => s.CreatedAt >= p.Start && s.CreatedAt < p.End);
        if (segmented) query = query.Where(s => members.Any(m => m.Id == s.MemberId));
        var participants = db.Set<Messages.ConversationParticipant>();
        // Per suggestion: whether each way followed it, and which signals explained it (the stored reasons hold "signal":"…").
        var flagged = query.Select(s => new
        {
            s.Feedback, s.Reasons,
            Message = db.Set<Messages.Message>().Any(m => m.CreatedAt >= s.CreatedAt && m.CreatedAt <= s.FollowUpBy
                && (m.SenderMemberId == s.MemberId || m.SenderMemberId == s.SuggestedMemberId)
                && participants.Any(x => x.ConversationId == m.ConversationId && x.MemberId == s.MemberId)
                && participants.Any(x => x.ConversationId == m.ConversationId && x.MemberId == s.SuggestedMemberId)),
            Consultation = db.Set<Consultations.ConsultationRequest>().Any(c => c.CreatedAt >= s.CreatedAt && c.CreatedAt <= s.FollowUpBy
                && ((c.RequesterMemberId == s.MemberId && c.RecipientMemberId == s.SuggestedMemberId) || (c.RequesterMemberId == s.SuggestedMemberId && c.RecipientMemberId == s.MemberId))),
            Card = db.Set<Events.CardExchange>().Any(x => x.MemberId == s.MemberId && x.OtherMemberId == s.SuggestedMemberId
                && x.ExchangedAt >= s.CreatedAt && x.ExchangedAt <= s.FollowUpBy),
        }).Select(x => new { x.Feedback, x.Reasons, x.Message, x.Consultation, x.Card, Followed = x.Message || x.Consultation || x.Card });
        // Counted by the database in one pass: a year of a large network's suggestions is millions of rows, never loaded.
        var totals = await flagged.GroupBy(x => 1).Select(g => new
        {
            Count = g.Count(), Followed = g.Count(x => x.Followed), Message = g.Count(x => x.Message), Consultation = g.Count(x => x.Consultation),
            Card = g.Count(x => x.Card), NotRelevant = g.Count(x => x.Feedback == SuggestionFeedback.NotRelevant),
            AlreadyKnow = g.Count(x => x.Feedback == SuggestionFeedback.AlreadyKnow),
        }).FirstOrDefaultAsync(ct);
        var receivers = totals is null ? 0 : await query.Select(s => s.MemberId).Distinct().CountAsync(ct);
        double? Rate(int n, int of) => of == 0 ? null : Math.Round((double)n / of, 3);
        var bySignal = new List<SignalRowDto>();
        foreach (var signal in Enum.GetValues<SuggestionSignal>().Select(WireNames.Of))
        {
            var tag = $"\"signal\":\"{signal}\"";
            var row = totals is null ? null : await flagged.Where(x => x.Reasons.Contains(tag)).GroupBy(x => 1)
                .Select(g => new { Count = g.Count(), Followed = g.Count(x => x.Followed) }).FirstOrDefaultAsync(ct);
            var (n, followed) = row is null ? (0, 0) : (row.Count, row.Followed);
            bySignal.Add(new SignalRowDto(signal, n, followed, n < MinRateBase ? null : Rate(followed, n)));
        }
        return new SuggestionReportDto(p.From.ToString("yyyy-MM-dd"), p.To.ToString("yyyy-MM-dd"), totals?.Count ?? 0, receivers,
            totals?.Followed ?? 0, Rate(totals?.Followed ?? 0, totals?.Count ?? 0), totals?.Message ?? 0, totals?.Consultation ?? 0, totals?.Card ?? 0,
            totals?.NotRelevant ?? 0, totals?.AlreadyKnow ?? 0, bySignal);
    }
}
