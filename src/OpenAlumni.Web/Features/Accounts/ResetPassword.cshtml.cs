using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Accounts;

public sealed class ResetPasswordModel(AccountService accounts, IStringLocalizer<ValidationTexts> texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public ResetInput Input { get; set; } = new();
    public bool Done { get; private set; }
    public string? LinkError { get; private set; }

    public sealed class ResetInput
    {
        public string? Password { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accounts.ResetPasswordAsync(UserId, Code, Input.Password, ct);
        if (result.IsOk) { Done = true; return Page(); }
        var linkError = result.Errors!.Items.FirstOrDefault(e => e.Field == "code");
        if (linkError is not null) LinkError = texts[linkError.Key];
        ModelState.AddErrors(result.Errors, texts);
        return Page();
    }
}
