using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Suggestions;

/// <summary>A suggestion as a card shows it, with the ways to follow it up that this network has switched on.</summary>
public sealed record SuggestionCard(SuggestionDto Item, bool CanMessage, bool CanConsult, string ReturnUrl);

/// <summary>
/// This week's people worth meeting, with their reasons, "not relevant" and "already know"; for the secretariat also
/// the weights that score them. Same service as /api/v1/me/suggestions and /api/v1/admin/suggestions/weights.
/// </summary>
public sealed class IndexModel(SuggestionService suggestions, CurrentMember current, TenantFeatures features,
    IStringLocalizer<ValidationTexts> texts, IStringLocalizer<SuggestionTexts> S) : PageModel
{
    public IReadOnlyList<SuggestionCard> Items { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public IReadOnlyDictionary<string, int> Weights { get; private set; } = new Dictionary<string, int>();
    [BindProperty] public Dictionary<string, string?> WeightInputs { get; set; } = [];

    async Task LoadAsync(CancellationToken ct)
    {
        IsAdmin = (await current.RequireAsync(ct)).IsAdmin;
        Items = Cards(features, (await suggestions.MineAsync(ct)).Value ?? [], "/suggestions");
        if (IsAdmin) Weights = (await suggestions.GetWeightsAsync(ct)).Value!.Weights;
    }

    public static IReadOnlyList<SuggestionCard> Cards(TenantFeatures features, IReadOnlyList<SuggestionDto> items, string returnUrl) =>
        items.Select(i => new SuggestionCard(i, features.IsOn(TenantFeature.Messages), features.IsOn(TenantFeature.Consultations), returnUrl)).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        WeightInputs = Weights.ToDictionary(w => w.Key, w => (string?)w.Value.ToString());
    }

    public async Task<IActionResult> OnPostFeedbackAsync(long memberId, string? value, string? returnUrl, CancellationToken ct)
    {
        var result = await suggestions.FeedbackAsync(memberId, value, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk) TempData["Flash"] = (value == "alreadyKnow" ? S["AlreadyKnowSaved"] : S["NotRelevantSaved"]).Value;
        return Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/suggestions");
    }

    public async Task<IActionResult> OnPostWeightsAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var weights = new Dictionary<string, int?>();
        foreach (var signal in Enum.GetValues<SuggestionSignal>().Select(WireNames.Of))
        {
            var text = WeightInputs.GetValueOrDefault(signal)?.Trim();
            if (string.IsNullOrEmpty(text)) weights[signal] = null;
            else if (int.TryParse(text, out var w)) weights[signal] = w;
            else errors.Add($"weights.{signal}", "Validation.OutOfRange", 0, SuggestionWeights.Max);
        }
        var result = errors.Any ? errors : await suggestions.SetWeightsAsync(weights, ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.IsOk)
        {
            TempData["Flash"] = S["WeightsSaved"].Value;
            return Redirect("/suggestions#weights");
        }
        await LoadAsync(ct);
        ModelState.AddErrors(result.Errors!, texts, prefix: "");
        return Page();
    }
}
