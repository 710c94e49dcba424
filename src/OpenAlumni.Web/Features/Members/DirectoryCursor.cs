using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace OpenAlumni.Web.Features.Members;

/// <summary>
/// Where the next directory page starts: the last card's sort key and id, and the number of the page it opens.
/// Opaque to clients (base64url); a page reached by cursor costs what the first page costs, where OFFSET
/// would read and throw away every row before it.
/// </summary>
public sealed record DirectoryCursor(int Page, string SortKey, long Id)
{
    public string Encode() =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
            $"{Page.ToString(CultureInfo.InvariantCulture)}\n{Id.ToString(CultureInfo.InvariantCulture)}\n{SortKey}"));

    /// <summary>Null when the text is not a cursor this service wrote (damaged, truncated or made up).</summary>
    public static DirectoryCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 2000) return null;
        string plain;
        try { plain = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(WebEncoders.Base64UrlDecode(text)); }
        catch (FormatException) { return null; }
        catch (ArgumentException) { return null; }
        var parts = plain.Split('\n', 3);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page is < 2 or > 100_000
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1
            || parts[2].Length > 400 || parts[2].Contains('\0'))
            return null;
        return new DirectoryCursor(page, parts[2], id);
    }
}
