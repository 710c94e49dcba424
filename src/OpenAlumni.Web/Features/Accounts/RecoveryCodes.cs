namespace OpenAlumni.Web.Features.Accounts;

/// <summary>Recovery codes for two-factor sign-in: Identity makes, keeps and redeems them; this is only how many and how they are typed.</summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    /// <summary>
    /// A code as typed (lower case, spaces, the hyphen left out) in the form Identity made it, "XXXXX-XXXXX":
    /// Identity compares them exactly.
    /// </summary>
    public static string Normalize(string? typed)
    {
        var s = new string((typed ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return s.Length == 10 ? s[..5] + "-" + s[5..] : s;
    }
}
