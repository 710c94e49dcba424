using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Registration)]
public sealed class ForgotPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync(CancellationToken ct)
    {
        await accounts.ForgotPasswordAsync(Email, ct);
        Sent = true;
    }
}
