using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenAlumni.Web.Features.Newsletters;

/// <summary>
/// The link in each network mail's List-Unsubscribe header. A GET only asks (mail scanners open links, and must not unsubscribe
/// anyone); a POST unsubscribes at once: the mail program's one-click POST (RFC 8058, no cookie, no antiforgery token: the signed
/// token is the proof) or the button here.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(Unsubscribe unsubscribe) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public MailKind? Kind { get; private set; }
    public bool Done { get; private set; }
    public bool Invalid { get; private set; }

    public IActionResult OnGet()
    {
        if (unsubscribe.Read(Token) is not { } t) return NotValid();
        Kind = t.Kind;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (unsubscribe.Read(Token) is not { } t || !await unsubscribe.OptOutAsync(t.MemberId, t.Kind, ct)) return NotValid();
        Kind = t.Kind;
        Done = true;
        return Page();
    }

    /// <summary>
    /// A 404 that says so on this page: the error page a bare 404 re-executes would, for a POST, ask for an antiforgery token
    /// a mail program's one-click POST does not have, and answer 400.
    /// </summary>
    IActionResult NotValid()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
