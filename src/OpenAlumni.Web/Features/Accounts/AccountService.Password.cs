using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Accounts;

/// <summary>What a signed-in member sends to change their password; the page adds the confirmation.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword = null);

public sealed partial class AccountService
{
    /// <summary>
    /// Changes the signed-in login's password through Identity, so the new one meets every password rule
    /// (<see cref="PasswordRulesValidator"/>) and the security stamp is renewed: every other cookie and bearer
    /// token of the login stops working. The caller renews its own cookie if it has one.
    /// </summary>
    /// <remarks>
    /// A wrong current password counts as a failed sign-in: a borrowed session must not become a way to guess
    /// the password without the login's lockout.
    /// </remarks>
    public async Task<Result<bool>> ChangePasswordAsync(ClaimsPrincipal who, ChangePasswordRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(r.CurrentPassword)) errors.Add("currentPassword", "Validation.Required");
        if (string.IsNullOrEmpty(r.NewPassword)) errors.Add("newPassword", "Validation.Required");
        else if (r.NewPassword.Length > 128) errors.Add("newPassword", "Validation.TooLong", 128);
        else if (r.ConfirmPassword is not null && r.ConfirmPassword != r.NewPassword) errors.Add("confirmPassword", "Validation.PasswordsDiffer");
        if (errors.Any) return errors;

        var user = await users.GetUserAsync(who);
        if (user is null) return Result<bool>.NotFound();
        if (await users.IsLockedOutAsync(user)) return FieldErrors.Of("currentPassword", "Validation.LockedOut");
        if (!await users.CheckPasswordAsync(user, r.CurrentPassword!))
        {
            await users.AccessFailedAsync(user);
            return FieldErrors.Of("currentPassword", "Validation.CurrentPasswordWrong");
        }
        var result = await users.ChangePasswordAsync(user, r.CurrentPassword!, r.NewPassword!);
        if (!result.Succeeded) return FieldErrors.Of("newPassword", PasswordRules.KeyOf(result));
        await users.ResetAccessFailedCountAsync(user);
        log.LogInformation("Login {UserId} changed its password", user.Id);
        return true;
    }
}
