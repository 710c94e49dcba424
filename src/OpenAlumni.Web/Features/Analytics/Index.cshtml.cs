using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>The admins' dashboard: the same figures as GET /api/v1/admin/analytics, as charts, tables and CSV.</summary>
public sealed class IndexModel(AnalyticsService analytics, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<AnalyticsTexts> A) : PageModel
{

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    public AnalyticsDto? Data { get; private set; }
    public string ChartsJson { get; private set; } = "[]";

    public string Query => QueryString.Create(new Dictionary<string, string?> { ["from"] = From, ["to"] = To, ["kind"] = Kind, ["department"] = Department }
        .Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await analytics.GetAsync(new AnalyticsQuery(From, To, Kind, Department), ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
            return Page();
        }
        Data = result.Value!;
        From = Data.From;
        To = Data.To;
        ChartsJson = Json(Data, A);
        return Page();
    }

    /// <summary>The charts as Chart.js data, safe inside a script element.</summary>
    public static string Json(AnalyticsDto data, IStringLocalizer<AnalyticsTexts> a) =>
        JsonSerializer.Serialize(AnalyticsView.Charts.Select(data.Chart).Where(c => c is not null).Select(c => AnalyticsView.ChartJs(c!, a)))
            .Replace("<", "\\u003c");
}
