using System.Net.Mail;
using System.Text.RegularExpressions;

namespace OpenAlumni.Web.Infrastructure;

/// <summary>Field checks shared by the features; each adds a localized error key on failure.</summary>
public static partial class Check
{
    public static string? Text(FieldErrors errors, string field, string? value, int max, bool required = false)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            if (required) errors.Add(field, "Validation.Required");
            return null;
        }
        if (v.Length > max)
        {
            errors.Add(field, "Validation.TooLong", max);
            return null;
        }
        // Control characters, and invisible format characters (bidi overrides, zero-width) that can disguise a name.
        if (v.Any(c => (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
                       || (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format && c != '\u200D')))
        {
            errors.Add(field, "Validation.ControlCharacters");
            return null;
        }
        return v;
    }

    /// <summary>One line of text (a name, a department): as <see cref="Text"/>, and no line break or tab within it.</summary>
    public static string? Line(FieldErrors errors, string field, string? value, int max, bool required = false)
    {
        var v = Text(errors, field, value, max, required);
        if (v is null || !v.Any(char.IsControl)) return v;
        errors.Add(field, "Validation.OneLine");
        return null;
    }

    /// <summary>Text written in Markdown: as <see cref="Text"/>, and nested no deeper than the renderer takes.</summary>
    public static string? MarkdownText(FieldErrors errors, string field, string? value, int max, bool required = false)
    {
        var v = Text(errors, field, value, max, required);
        if (v is null || !Markdown.MarkdownRenderer.IsTooDeep(v)) return v;
        errors.Add(field, "Validation.MarkdownTooDeep");
        return null;
    }

    public static string? Email(FieldErrors errors, string field, string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { errors.Add(field, "Validation.Required"); return null; }
        if (v.Length > 254 || !EmailPattern().IsMatch(v) || !MailAddress.TryCreate(v, out var parsed) || parsed.Address != v)
        {
            errors.Add(field, "Validation.EmailInvalid");
            return null;
        }
        return v;
    }

    /// <summary>
    /// A number typed in a form, which pages receive as text so that "abc" is reported by its field instead
    /// of being lost to model binding; empty is null. The key (and its arguments) says what was expected.
    /// </summary>
    public static int? FormNumber(FieldErrors errors, string field, string? text, string key = "Validation.YearInvalid", params object[] args)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), out var n)) return n;
        errors.Add(field, key, args);
        return null;
    }

    /// <summary>
    /// A yen amount typed in a form as people write it ("1,500,000", "¥300,000", "300000円", full-width digits); empty is
    /// null. A sign, a decimal point or "30万" is refused with the key, which says what was expected.
    /// </summary>
    public static long? FormYen(FieldErrors errors, string field, string? text, string key)
    {
        var t = text?.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "").Replace("¥", "").Replace("円", "").Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var yen)) return yen;
        errors.Add(field, key);
        return null;
    }

    public static int? Year(FieldErrors errors, string field, int? value, int currentYear)
    {
        if (value is null) return null;
        if (value < 1900 || value > currentYear)
        {
            errors.Add(field, "Validation.YearOutOfRange", 1900, currentYear);
            return null;
        }
        return value;
    }

    public static TEnum? Enum<TEnum>(FieldErrors errors, string field, string? value, bool required) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "Validation.Required");
            return null;
        }
        if (System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        errors.Add(field, "Validation.OneOf", string.Join(", ", System.Enum.GetNames<TEnum>()));
        return null;
    }

    public static string? Url(FieldErrors errors, string field, string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > 500 || !Uri.TryCreate(v, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.ToString().Length > 500)
        {
            errors.Add(field, "Validation.UrlInvalid");
            return null;
        }
        return uri.ToString();
    }

    [GeneratedRegex(@"^[^@\s<>""`;,()\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();
}
