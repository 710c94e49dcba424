using Microsoft.AspNetCore.Identity;

namespace OpenAlumni.Web.Features.Accounts;

/// <summary>A login (email + password, optional TOTP). Global: its memberships tie it to tenants.</summary>
public class AppUser : IdentityUser
{
    /// <summary>"ja" or "en"; the language chosen in the UI, used for pages and for mail sent to this user.</summary>
    public string? PreferredCulture { get; set; }
}
