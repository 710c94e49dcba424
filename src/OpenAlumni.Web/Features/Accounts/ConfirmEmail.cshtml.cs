using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Accounts;

public sealed class ConfirmEmailModel(AccountService accounts) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, CancellationToken ct) =>
        Confirmed = await accounts.ConfirmEmailAsync(userId, code, ct);
}
