using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>
/// The dashboard and the value report read the same figures with the same filters (period, kind,
/// department); they differ only in which charts they draw.
/// </summary>
public abstract class AnalyticsPageModel(AnalyticsService analytics, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<AnalyticsTexts> a, Spaces.SpaceService spaces) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true, Name = "spaceId")] public long? Space { get; set; }
    /// <summary>The network's spaces, for the segment filter.</summary>
    public IReadOnlyList<Spaces.SpaceDto> Spaces { get; private set; } = [];
    public AnalyticsDto? Data { get; private set; }
    public string ChartsJson { get; private set; } = "[]";

    public string Query => QueryString.Create(new Dictionary<string, string?> { ["from"] = From, ["to"] = To, ["kind"] = Kind, ["department"] = Department, ["spaceId"] = Space?.ToString() }
        .Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    /// <summary>The charts this page draws; all of them unless narrowed.</summary>
    protected virtual bool Draws(ChartDto chart) => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await analytics.GetAsync(new AnalyticsQuery(From, To, Kind, Department, Space), ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        Spaces = (await spaces.ListAsync(null, null, false, 1, ct)).Value?.Items ?? [];
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
            return Page();
        }
        Data = result.Value!;
        From = Data.From;
        To = Data.To;
        // The charts as Chart.js data, safe inside a script element.
        ChartsJson = JsonSerializer.Serialize(AnalyticsView.Charts.Select(Data.Chart).Where(c => c is not null && Draws(c)).Select(c => AnalyticsView.ChartJs(c!, a)))
            .Replace("<", "\\u003c");
        return Page();
    }
}
