using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Outcomes;

/// <summary>
/// The outcome ledger (the secretariat; recruiters its hires) with the value per kind (the secretariat), and for every
/// member the outcomes they are part of, each with its name setting. Same service as /api/v1/outcomes and /me/outcomes.
/// </summary>
public sealed class IndexModel(OutcomeService outcomes, CurrentMember current, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<OutcomeTexts> O) : PageModel
{
    [FromQuery(Name = "kind")] public string? Kind { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public bool Reads { get; private set; }
    public bool IsAdmin { get; private set; }
    public IReadOnlyList<string> Kinds { get; private set; } = [];
    public OutcomeListDto? Ledger { get; private set; }
    public IReadOnlyList<MyOutcomeDto> Mine { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Values { get; private set; } = new Dictionary<string, long>();
    [BindProperty] public Dictionary<string, string?> ValueInputs { get; set; } = [];
    public int PageCount => Ledger is null ? 1 : Math.Max(1, (Ledger.Total + Ledger.PageSize - 1) / Ledger.PageSize);

    async Task LoadAsync(CancellationToken ct)
    {
        (Reads, Kinds) = await outcomes.AccessAsync(ct);
        IsAdmin = (await current.RequireAsync(ct)).IsAdmin;
        if (Reads)
        {
            var result = await outcomes.ListAsync(Kind, null, null, Math.Max(1, PageNumber), ct);
            if (!result.IsOk) { Kind = null; result = await outcomes.ListAsync(null, null, null, 1, ct); }
            Ledger = result.Value;
        }
        if (IsAdmin) Values = (await outcomes.GetValuesAsync(ct)).Value!.Values;
        Mine = await outcomes.MineAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ValueInputs = Values.ToDictionary(v => v.Key, v => (string?)v.Value.ToString());
    }

    /// <summary>Hide (or show again) my name on an outcome I am part of.</summary>
    public async Task<IActionResult> OnPostNameAsync(long id, bool hide, CancellationToken ct)
    {
        var result = await outcomes.SetMyNameAsync(id, hide, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        return Redirect("/outcomes#mine");
    }

    public async Task<IActionResult> OnPostValuesAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var values = new Dictionary<string, long?>();
        foreach (var kind in OutcomeService.KindNames)
        {
            if (Check.FormYen(errors, $"values.{kind}", ValueInputs.GetValueOrDefault(kind), "Outcomes.ValueInvalid") is { } yen) values[kind] = yen;
        }
        var result = errors.Any ? errors : await outcomes.SetValuesAsync(values, ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.IsOk)
        {
            TempData["Flash"] = O["ValuesSaved"].Value;
            return Redirect("/outcomes");
        }
        await LoadAsync(ct);
        ModelState.AddErrors(result.Errors!, texts, prefix: "");
        return Page();
    }

    public string Link(string? kind, int page = 1) =>
        "/outcomes" + QueryString.Create(new Dictionary<string, string?> { ["kind"] = kind, ["page"] = page > 1 ? page.ToString() : null }
            .Where(p => !string.IsNullOrEmpty(p.Value)));
}
