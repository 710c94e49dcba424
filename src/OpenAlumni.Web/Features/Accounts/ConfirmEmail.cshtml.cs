using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Accounts;

/// <summary>
/// Opening the mailed link shows a button; pressing it confirms. A GET never confirms, because mail
/// scanners fetch links on their own, and confirming can approve an employee account.
/// </summary>
public sealed class ConfirmEmailModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public bool? Confirmed { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(CancellationToken ct) =>
        Confirmed = await accounts.ConfirmEmailAsync(UserId, Code, ct);
}
