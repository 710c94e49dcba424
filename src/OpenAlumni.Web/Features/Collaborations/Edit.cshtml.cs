using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Collaborations;

/// <summary>Record (admin) or propose (member) a collaboration, or edit one I am involved in. Same service as the API.</summary>
public sealed class EditModel(CollaborationService collaborations, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<CollaborationTexts> C) : PageModel
{
    [BindProperty] public Form Input { get; set; } = new();
    public long? Id { get; private set; }
    /// <summary>What I record is a proposal for the secretariat to decide (else it is accepted at once).</summary>
    public bool Proposes { get; private set; }
    public IReadOnlyList<CollaboratorDto> Candidates { get; private set; } = [];

    public sealed class Form
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Stage { get; set; } = "idea";
        public List<long> MemberIds { get; set; } = [];
        public string? Departments { get; set; }
        public string? OriginType { get; set; }
        public string? OriginId { get; set; }
        public string? Reason { get; set; }
    }

    async Task LoadAsync(long? id, CancellationToken ct)
    {
        Id = id;
        Proposes = await collaborations.ProposesAsync(ct);
        Candidates = await collaborations.CandidatesAsync(ct);
    }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is null) return Page();
        var result = await collaborations.GetAsync(id.Value, ct);
        if (!result.IsOk) return NotFound();
        var c = result.Value!.Collaboration;
        if (!c.CanEdit) return Forbid();
        // The list offers at most a thousand people: those already involved are always in it, or saving would drop them.
        Candidates = [.. Candidates, .. c.Members.Where(m => Candidates.All(x => x.Id != m.Id))];
        Input = new Form
        {
            Title = c.Title, Description = c.Description, Stage = c.Stage, MemberIds = c.Members.Select(m => m.Id).ToList(),
            Departments = string.Join("\n", c.Departments), OriginType = c.Origin?.Type, OriginId = c.Origin?.Id?.ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var errors = new FieldErrors();
        var i = Input;
        var originId = Check.FormNumber(errors, "origin.id", i.OriginId, "Collaborations.OriginUnknown");
        var origin = string.IsNullOrWhiteSpace(i.OriginType) ? null : new OriginInput(i.OriginType, originId);
        var departments = (i.Departments ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new CollaborationInput(i.Title ?? "", i.Description ?? "", i.Stage, i.MemberIds, departments, origin, i.Reason);
        if (errors.Any) { ModelState.AddErrors(errors, texts); return Page(); }
        var result = id is null ? await collaborations.CreateAsync(input, ct) : await collaborations.UpdateAsync(id.Value, input, ct);
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        if (result.Status == ResultStatus.NotFound) return NotFound();
        // Saved, but the editor took themselves off a proposal they may no longer see.
        if (result.IsOk && result.Value is null) return Redirect("/collaborations");
        if (result.IsOk)
        {
            var c = result.Value!.Collaboration;
            TempData["Flash"] = (c.Status == "proposed" && id is null ? C["Proposed"] : C["Saved"]).Value;
            return Redirect($"/collaborations/{c.Id}");
        }
        ModelState.AddErrors(result.Errors!, texts);
        return Page();
    }
}
