using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Auth;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Members;

/// <summary>Edit my profile: every field with who may see it. Calls the same service as PATCH /members/me.</summary>
public sealed class EditModel(MemberService members, CurrentMember current, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<MemberTexts> M) : PageModel
{
    public const int CareerRows = 5;

    [BindProperty] public ProfileInput Input { get; set; } = new();
    public MemberDto Me { get; private set; } = null!;

    public sealed class ProfileInput
    {
        public string? FamilyName { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyNameKana { get; set; }
        public string? GivenNameKana { get; set; }
        public string? RomanizedName { get; set; }
        public string? Organization { get; set; }
        public string? Title { get; set; }
        public List<CareerInput> Career { get; set; } = [];
        public string? Skills { get; set; }
        public string? Interests { get; set; }
        public string? Location { get; set; }
        public string? Bio { get; set; }
        public string? Links { get; set; }
        public List<string> OpenTo { get; set; } = [];
        public string? Availability { get; set; }
        public bool FeatureOnCommunity { get; set; }
        public VisibilityInput Visibility { get; set; } = new();
    }

    public sealed class CareerInput
    {
        public string? Department { get; set; }
        public string? FromYear { get; set; }
        public string? ToYear { get; set; }
    }

    public sealed class VisibilityInput
    {
        public string? Photo { get; set; }
        public string? Organization { get; set; }
        public string? Career { get; set; }
        public string? Tags { get; set; }
        public string? Location { get; set; }
        public string? Bio { get; set; }
        public string? Links { get; set; }
        public string? OpenTo { get; set; }
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var v = Me.Visibility!;
        Input = new ProfileInput
        {
            FamilyName = Me.FamilyName, GivenName = Me.GivenName, FamilyNameKana = Me.FamilyNameKana, GivenNameKana = Me.GivenNameKana,
            RomanizedName = Me.RomanizedName, Organization = Me.Organization, Title = Me.Title,
            Career = (Me.Career ?? []).Select(c => new CareerInput { Department = c.Department, FromYear = c.FromYear?.ToString(), ToYear = c.ToYear?.ToString() }).ToList(),
            Skills = string.Join(", ", Me.Skills ?? []), Interests = string.Join(", ", Me.Interests ?? []),
            Location = Me.Location, Bio = Me.Bio, Links = string.Join("\n", Me.Links ?? []), OpenTo = (Me.OpenTo ?? []).ToList(),
            Availability = Me.Availability, FeatureOnCommunity = Me.FeatureOnCommunity == true,
            Visibility = new VisibilityInput
            {
                Photo = v.Photo, Organization = v.Organization, Career = v.Career, Tags = v.Tags, Location = v.Location,
                Bio = v.Bio, Links = v.Links, OpenTo = v.OpenTo, Email = v.Email,
            },
        };
        return Page();
    }

    async Task LoadAsync(CancellationToken ct) =>
        Me = (await members.GetAsync((await current.RequireAsync(ct)).MemberId, ct)).Value!;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var career = new List<CareerDto>();
        for (var i = 0; i < Input.Career.Count; i++)
        {
            var c = Input.Career[i];
            if (string.IsNullOrWhiteSpace(c.Department) && string.IsNullOrWhiteSpace(c.FromYear) && string.IsNullOrWhiteSpace(c.ToYear)) continue;
            career.Add(new CareerDto(c.Department ?? "", Check.FormNumber(errors, $"career[{i}].fromYear", c.FromYear), Check.FormNumber(errors, $"career[{i}].toYear", c.ToYear)));
        }
        var v = Input.Visibility;
        var request = new UpdateProfileRequest(
            Input.FamilyName ?? "", Input.GivenName ?? "", Input.FamilyNameKana ?? "", Input.GivenNameKana ?? "", Input.RomanizedName ?? "",
            Input.Organization ?? "", Input.Title ?? "", career, SplitList(Input.Skills), SplitList(Input.Interests),
            Input.Location ?? "", Input.Bio ?? "", (Input.Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Input.OpenTo, new VisibilityDto(v.Photo, v.Organization, v.Career, v.Tags, v.Location, v.Bio, v.Links, v.OpenTo, v.Email), Input.FeatureOnCommunity,
            Input.Availability ?? "");
        var result = await members.UpdateMineAsync(request, ct, errors);
        if (result.IsOk)
        {
            TempData["Flash"] = M["ProfileSaved"].Value;
            return Redirect($"/members/{result.Value!.Id}");
        }
        ModelState.AddErrors(result.Errors!, texts);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        if (photo is null)
        {
            ModelState.AddErrors(FieldErrors.Of("photo", "Validation.Required"), texts, prefix: "");
            return await OnGetAsync(ct);
        }
        await using var stream = photo.OpenReadStream();
        var result = await members.SetPhotoAsync(stream, photo.Length, ct);
        if (!result.IsOk)
        {
            ModelState.AddErrors(result.Errors!, texts, prefix: "");
            return await OnGetAsync(ct);
        }
        TempData["Flash"] = M["PhotoSaved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(CancellationToken ct)
    {
        await members.RemovePhotoAsync(ct);
        return RedirectToPage();
    }

    static IReadOnlyList<string> SplitList(string? text) =>
        (text ?? "").Split([',', '、', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
