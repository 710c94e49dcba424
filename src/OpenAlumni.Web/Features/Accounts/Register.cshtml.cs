using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenAlumni.Web.Infrastructure;
using OpenAlumni.Web.Infrastructure.Localization;

namespace OpenAlumni.Web.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Registration)]
public sealed class RegisterModel(AccountService accounts, IStringLocalizer<ValidationTexts> texts, Roster.InvitationService invitations) : PageModel
{
    [BindProperty] public RegisterInput Input { get; set; } = new();

    public sealed class RegisterInput
    {
        public string? Kind { get; set; } = "Alumni";
        public string? FamilyName { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyNameKana { get; set; }
        public string? GivenNameKana { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Department { get; set; }
        public string? JoinedYear { get; set; }
        public string? LeftYear { get; set; }
        /// <summary>Purposes of use ticked (wire names); the form starts with the defaults ticked.</summary>
        public List<string> Consents { get; set; } = Privacy.Consents.All.Where(p => (Privacy.Consents.RegistrationDefault & p) != 0).Select(Privacy.Consents.WireName).ToList();
        /// <summary>The invitation token from the link, carried through the form.</summary>
        public string? Invitation { get; set; }
    }

    /// <summary>From an invitation link: the form starts filled from the roster.</summary>
    public async Task<IActionResult> OnGetAsync(string? invitation, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(invitation)) return Page();
        var check = await invitations.CheckAsync(invitation, ct);
        if (!check.IsValid) return Redirect("/join/" + Uri.EscapeDataString(invitation));
        Input = new RegisterInput
        {
            Kind = "Alumni", Email = check.Email, FamilyName = check.FamilyName, GivenName = check.GivenName, FamilyNameKana = check.FamilyNameKana,
            GivenNameKana = check.GivenNameKana, Department = check.Department, JoinedYear = check.JoinedYear?.ToString(), LeftYear = check.LeftYear?.ToString(),
            Invitation = invitation,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A form with every box unticked sends no Consents at all: that is "none", not "the defaults".
        if (!Request.Form.ContainsKey("Input.Consents")) Input.Consents = [];
        // Years arrive as text so that "abc" is reported by the field, not lost to model binding.
        var errors = new FieldErrors();
        int? joined = Check.FormNumber(errors, "joinedYear", Input.JoinedYear), left = Check.FormNumber(errors, "leftYear", Input.LeftYear);
        var result = await accounts.RegisterAsync(new RegisterRequest(Input.Email, Input.Password, null, Input.Kind,
            Input.FamilyName, Input.GivenName, Input.FamilyNameKana, Input.GivenNameKana, Input.Department, joined, left, Input.Consents, Input.Invitation),
            ct, errors);
        if (result.IsOk && result.Value!.Status == "Approved" && !string.IsNullOrEmpty(Input.Invitation)) return Redirect("/accounts/login");
        if (result.IsOk) return RedirectToPage("RegisterDone");
        ModelState.AddErrors(result.Errors!, texts);
        return Page();
    }

}
