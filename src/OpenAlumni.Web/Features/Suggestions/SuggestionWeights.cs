namespace OpenAlumni.Web.Features.Suggestions;

/// <summary>
/// How much each signal counts, per network. A person's score is the sum over the reasons found for them of the
/// signal's weight times how many facts the reason names (capped at <see cref="MaxFactsPerReason"/>), so that
/// the reasons shown are the whole of why someone ranks where they do. A weight of 0 turns a signal off.
/// </summary>
public static class SuggestionWeights
{
    public const int Max = 100, MaxFactsPerReason = 3;

    public static readonly IReadOnlyDictionary<SuggestionSignal, int> Defaults = new Dictionary<SuggestionSignal, int>
    {
        [SuggestionSignal.Skills] = 10,
        [SuggestionSignal.Interests] = 6,
        [SuggestionSignal.OpenTo] = 4,
        [SuggestionSignal.Department] = 8,
        [SuggestionSignal.Spaces] = 5,
        [SuggestionSignal.Events] = 6,
        [SuggestionSignal.Posts] = 5,
    };
}
