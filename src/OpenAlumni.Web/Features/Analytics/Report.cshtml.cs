using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>The value report: one printable page for management (the browser's print makes the PDF).</summary>
public sealed class ReportModel(AnalyticsService analytics, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<AnalyticsTexts> A) : PageModel
{
    public static readonly string[] KeyCharts = ["members", "active", "rooms", "events"];

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
        ChartsJson = IndexModel.Json(new AnalyticsDto(Data.From, Data.To, Data.Kind, Data.Department, Data.Headline,
            Data.Charts.Where(c => KeyCharts.Contains(c.Id)).ToList(), Data.Featured), A);
        return Page();
    }
}
