using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;
using OpenAlumni.Web.Infrastructure.Tenancy;

namespace OpenAlumni.Web.Features.Settings;

/// <summary>The network's settings page (admins only, by the folder's policy); the same service as the API.</summary>
public sealed class IndexModel(TenantSettingsService settings, IStringLocalizer<ValidationTexts> texts, IStringLocalizer<SettingsTexts> S) : PageModel
{
    [BindProperty] public SettingsInput Input { get; set; } = new();
    public TenantSettingsDto? Current { get; private set; }

    public sealed class SettingsInput
    {
        public string? Name { get; set; }
        public string? NameEn { get; set; }
        public string? EmployeeDomains { get; set; }
        public string? TimeZone { get; set; }
        public string? DefaultLanguage { get; set; }
        public string? Departments { get; set; }
        public string? RegistrationYearFrom { get; set; }
        public string? RosterMatch { get; set; }
        public string? MailsPerWeek { get; set; }
        public List<string> Features { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await settings.GetAsync(ct);
        if (!result.IsOk) return Forbid();
        Current = result.Value!;
        Input = new SettingsInput
        {
            Name = Current.Name, NameEn = Current.NameEn, EmployeeDomains = string.Join("\n", Current.EmployeeDomains), TimeZone = Current.TimeZone,
            DefaultLanguage = Current.DefaultLanguage, Departments = string.Join("\n", Current.Departments),
            RegistrationYearFrom = Current.RegistrationYearFrom?.ToString(), RosterMatch = Current.RosterMatch,
            MailsPerWeek = Current.MailsPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Features = Current.Features.Where(f => f.Value).Select(f => f.Key).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var year = Check.FormNumber(errors, "registrationYearFrom", Input.RegistrationYearFrom);
        var cap = Check.FormNumber(errors, "mailsPerWeek", Input.MailsPerWeek, "Validation.OutOfRange", 0, TenantSettingsService.MaxMailsPerWeek);
        static string[] Lines(string? s) => (s ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!errors.Any)
        {
            var result = await settings.UpdateAsync(new UpdateSettingsRequest(Input.Name ?? "", Lines(Input.EmployeeDomains), Input.TimeZone ?? "", Input.DefaultLanguage ?? "",
                (Input.Departments ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                year, year is null, Input.RosterMatch,
                Enum.GetValues<TenantFeature>().ToDictionary(f => WireNames.Of(f), f => Input.Features.Contains(WireNames.Of(f))), Input.NameEn ?? "", MailsPerWeek: cap), ct);
            if (result.IsOk)
            {
                TempData["Flash"] = S["Saved"].Value;
                return RedirectToPage();
            }
            errors = result.Errors!;
        }
        ModelState.AddErrors(errors, texts);
        Current = (await settings.GetAsync(ct)).Value;
        return Page();
    }

    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo, CancellationToken ct)
    {
        if (logo is not null)
        {
            await using var stream = logo.OpenReadStream();
            var result = await settings.SetLogoAsync(stream, logo.Length, ct);
            if (!result.IsOk) { TempData["Flash"] = result.Message(texts); return RedirectToPage(); }
        }
        TempData["Flash"] = S["Saved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveLogoAsync(CancellationToken ct)
    {
        await settings.RemoveLogoAsync(ct);
        TempData["Flash"] = S["Saved"].Value;
        return RedirectToPage();
    }
}
