using Microsoft.AspNetCore.Identity;

namespace OpenAlumni.Web.Features.Accounts;

/// <summary>
/// An unknown email would otherwise be answered faster than a wrong password (no hash to check),
/// telling an attacker who is a member. Hashing a throwaway password costs the same time.
/// </summary>
public static class LoginTiming
{
    public static void SpendAsMuchAsAPasswordCheck(UserManager<AppUser> users) =>
        users.PasswordHasher.HashPassword(new AppUser(), "timing-equaliser");
}
