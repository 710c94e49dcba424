using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Outcomes;

/// <summary>
/// Record an outcome (the secretariat any kind; a recruiter a hire), edit or delete one. The job board links here with
/// <c>?kind=rehire&amp;source=job&amp;sourceId=</c> to record a hire from an opening. Same service as the API.
/// </summary>
public sealed class EditModel(OutcomeService outcomes, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<OutcomeTexts> O,
    Infrastructure.Tenancy.ITenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty] public Form Input { get; set; } = new();
    public long? Id { get; private set; }
    public IReadOnlyList<string> Kinds { get; private set; } = [];
    public IReadOnlyList<OutcomePersonDto> Candidates { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Values { get; private set; } = new Dictionary<string, long>();

    public sealed class Form
    {
        public string? Kind { get; set; }
        public string? Date { get; set; }
        public string? ValueYen { get; set; }
        public List<long> MemberIds { get; set; } = [];
        public string? Departments { get; set; }
        public string? SourceType { get; set; }
        public string? SourceId { get; set; }
        public string? Note { get; set; }
    }

    async Task<bool> LoadAsync(long? id, CancellationToken ct)
    {
        Id = id;
        (var reads, Kinds) = await outcomes.AccessAsync(ct);
        if (!reads) return false;
        Candidates = await outcomes.CandidatesAsync(ct);
        Values = (await outcomes.KindValuesAsync(ct)).ToDictionary(v => WireNames.Of(v.Key), v => v.Value);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long? id, string? kind, string? source, long? sourceId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return Forbid();
        if (id is null)
        {
            Input = new Form
            {
                Kind = Kinds.Contains(kind ?? "") ? kind : Kinds.FirstOrDefault(), Date = tenant.Tenant!.ToLocal(clock.GetUtcNow()).ToString("yyyy-MM-dd"),
                SourceType = OutcomeService.SourceNames.Contains(source ?? "") ? source : "other", SourceId = sourceId?.ToString(),
            };
            return Page();
        }
        var result = await outcomes.GetAsync(id.Value, ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (!result.IsOk) return NotFound();
        var o = result.Value!;
        if (!o.CanEdit) return Forbid();
        Candidates = [.. Candidates, .. o.Members.Where(m => Candidates.All(x => x.Id != m.Id))];
        Input = new Form
        {
            Kind = o.Kind, Date = o.Date.ToString("yyyy-MM-dd"), ValueYen = o.ValueYen?.ToString(), MemberIds = o.Members.Select(m => m.Id).ToList(),
            Departments = string.Join("\n", o.Departments), SourceType = o.Source.Type, SourceId = o.Source.Type == "consultation" ? null : o.Source.Id?.ToString(), Note = o.Note,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return Forbid();
        var errors = new FieldErrors();
        var i = Input;
        var sourceId = Check.FormNumber(errors, "source.id", i.SourceId, "Collaborations.OriginUnknown");
        var value = Check.FormYen(errors, "valueYen", i.ValueYen, "Outcomes.ValueInvalid");
        var departments = (i.Departments ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new OutcomeInput(i.Kind ?? "", i.Date ?? "", i.MemberIds, departments, value,
            new OutcomeSourceInput(string.IsNullOrWhiteSpace(i.SourceType) ? "other" : i.SourceType, sourceId), i.Note ?? "", NoValue: value is null);
        if (errors.Any) { ModelState.AddErrors(errors, texts); return Page(); }
        var result = id is null ? await outcomes.CreateAsync(input, ct) : await outcomes.UpdateAsync(id.Value, input, ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.IsOk)
        {
            TempData["Flash"] = O["Saved"].Value;
            return Redirect("/outcomes");
        }
        ModelState.AddErrors(result.Errors!, texts);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var result = await outcomes.DeleteAsync(id, ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (!result.IsOk)
        {
            await LoadAsync(id, ct);
            ModelState.AddErrors(result.Errors!, texts);
            return Page();
        }
        TempData["Flash"] = O["Deleted"].Value;
        return Redirect("/outcomes");
    }
}
