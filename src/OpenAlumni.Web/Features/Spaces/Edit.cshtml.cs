using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Spaces;

/// <summary>The secretariat's space form (admins only, SpacesSetup): new without an id, editing with it; the image apart.</summary>
public sealed class EditModel(SpaceService spaces, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<SpaceTexts> S) : PageModel
{
    [FromRoute] public long? Id { get; set; }
    [BindProperty] public SpaceForm Input { get; set; } = new();
    public SpaceDto? Existing { get; private set; }

    public sealed class SpaceForm
    {
        public string? Name { get; set; }
        public string? NameEn { get; set; }
        public string? Description { get; set; }
        public string? DescriptionEn { get; set; }
        public string? Kind { get; set; } = "interest";
        public string? Visibility { get; set; } = "open";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id) return Page();
        var found = await spaces.GetAsync(id, ct);
        if (!found.IsOk) return NotFound();
        var s = Existing = found.Value!;
        Input = new SpaceForm { Name = s.Name, NameEn = s.NameEn, Description = s.Description, DescriptionEn = s.DescriptionEn, Kind = s.Kind, Visibility = s.Visibility };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var i = Input;
        // Every field is sent, "" for an empty one: the service clears what is emptied.
        var input = new SpaceInput(i.Name ?? "", i.Description ?? "", i.Kind, i.Visibility, i.NameEn ?? "", i.DescriptionEn ?? "");
        var result = Id is { } id ? await spaces.UpdateAsync(id, input, ct) : await spaces.CreateAsync(input, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = S["SavedFlash"].Value;
            return Redirect($"/spaces/{result.Value!.Id}");
        }
        if (result.Status == ResultStatus.NotFound) return NotFound();
        if (result.Status == ResultStatus.Forbidden) return Forbid();
        ModelState.AddErrors(result.Errors!, texts);
        if (Id is { } editing) Existing = (await spaces.GetAsync(editing, ct)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostImageAsync(IFormFile? image, CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        if (image is null)
        {
            TempData["Flash"] = texts["Validation.Required"].Value;
            return Redirect($"/spaces/edit/{id}");
        }
        await using var stream = image.OpenReadStream();
        var result = await spaces.SetImageAsync(id, stream, image.Length, ct);
        if (result.Status == ResultStatus.NotFound) return NotFound();
        TempData["Flash"] = result.IsOk ? S["SavedFlash"].Value : result.Message(texts);
        return Redirect($"/spaces/edit/{id}");
    }

    public static readonly string[] Kinds = Enum.GetValues<SpaceKind>().Select(k => WireNames.Of(k)).ToArray();
    public static readonly string[] Visibilities = Enum.GetValues<SpaceVisibility>().Select(v => WireNames.Of(v)).ToArray();
}
