using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using OpenAlumni.Web.Features.Members;
using OpenAlumni.Web.Infrastructure;

namespace OpenAlumni.Web.Features.Roster;

/// <summary>One roster row as read and checked; <see cref="Row"/> is its line in the file as Excel numbers it (header = 1).</summary>
public sealed record RosterRow(
    int Row, string FamilyName, string GivenName, string? FamilyNameKana, string? GivenNameKana, string Email,
    string? Department, int? JoinedYear, int? LeftYear, string? EmployeeNumber, string? Language)
{
    public string EmailKey => Email.ToLowerInvariant();
}

/// <summary>
/// Reads a roster CSV: UTF-8 (with or without BOM) or Shift_JIS (what Excel in Japan saves), the header
/// of DESIGN.md, every cell checked. Errors come back per row and field (<c>rows[417].email</c>); a file
/// with any error yields no rows, so an import is all or nothing.
/// </summary>
public static class RosterCsv
{
    public static readonly string[] Header =
        ["family_name", "given_name", "family_name_kana", "given_name_kana", "email", "department", "joined_year", "left_year", "employee_number"];
    /// <summary>An optional last column: the language of the person's invitation.</summary>
    public const string LanguageColumn = "language";

    static RosterCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>BOM → UTF-8; bytes that are valid UTF-8 → UTF-8; anything else is taken as Shift_JIS (code page 932).</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { return Encoding.GetEncoding(932).GetString(bytes); }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the stream holds more (it is not read further).</summary>
    public static async Task<byte[]?> ReadBoundedAsync(Stream content, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > limit) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public static (List<RosterRow> Rows, FieldErrors Errors) Parse(string text, int currentYear)
    {
        var errors = new FieldErrors();
        var rows = new List<RosterRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false, IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
        };
        using var reader = new CsvReader(new StringReader(text), config);
        try
        {
            if (!reader.Read() || !reader.ReadHeader())
            {
                errors.Add("file", "Validation.RosterEmpty");
                return (rows, errors);
            }
            var header = reader.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            var hasLanguage = header.Length == Header.Length + 1 && header[^1] == LanguageColumn;
            if (!(header.SequenceEqual(Header) || (hasLanguage && header[..^1].SequenceEqual(Header))))
            {
                errors.Add("file", "Validation.RosterHeader", string.Join(",", Header));
                return (rows, errors);
            }
            var seenEmails = new Dictionary<string, int>();
            var seenNumbers = new Dictionary<string, int>();
            while (reader.Read())
            {
                var line = reader.Parser.Row;
                if (rows.Count + 1 > RosterLimits.Rows)
                {
                    errors.Add("file", "Validation.RosterTooManyRows", RosterLimits.Rows);
                    break;
                }
                var cells = Enumerable.Range(0, header.Length).Select(i => reader.TryGetField<string>(i, out var v) ? v : null).ToArray();
                if (reader.Parser.Count > header.Length) errors.Add($"rows[{line}]", "Validation.RosterColumns", header.Length);
                var row = CheckRow(errors, line, cells, hasLanguage, currentYear);
                if (row is null) continue;
                if (seenEmails.TryGetValue(row.EmailKey, out var first))
                    errors.Add($"rows[{line}].email", "Validation.RosterDuplicate", first);
                else seenEmails[row.EmailKey] = line;
                if (row.EmployeeNumber is not null)
                {
                    if (seenNumbers.TryGetValue(row.EmployeeNumber, out var firstNumber))
                        errors.Add($"rows[{line}].employee_number", "Validation.RosterDuplicate", firstNumber);
                    else seenNumbers[row.EmployeeNumber] = line;
                }
                rows.Add(row);
            }
        }
        catch (CsvHelperException)
        {
            errors.Add("file", "Validation.RosterUnreadable");
        }
        if (rows.Count == 0 && !errors.Any) errors.Add("file", "Validation.RosterEmpty");
        return (errors.Any ? [] : rows, errors);
    }

    static RosterRow? CheckRow(FieldErrors all, int line, string?[] cells, bool hasLanguage, int currentYear)
    {
        var errors = new FieldErrors();
        string F(int i) => $"rows[{line}].{Header.Concat([LanguageColumn]).ElementAt(i)}";
        // A cell Excel would run as a formula (=cmd|' /C calc'!A0, +, -, @) is refused, not stored.
        for (var i = 0; i < cells.Length; i++)
            if (cells[i] is { Length: > 0 } c && c.TrimStart() is { Length: > 0 } t && "=+-@\t\r".Contains(t[0]))
                errors.Add(F(i), "Validation.FormulaCell");
        if (errors.Any) { foreach (var e in errors.Items) all.Add(e.Field, e.Key, e.Args); return null; }

        var family = Check.Line(errors, F(0), cells[0], MemberLimits.Name, required: true);
        var given = Check.Line(errors, F(1), cells[1], MemberLimits.Name, required: true);
        var familyKana = Check.Line(errors, F(2), cells[2], MemberLimits.Name);
        var givenKana = Check.Line(errors, F(3), cells[3], MemberLimits.Name);
        var email = Check.Email(errors, F(4), cells[4]);
        var department = Check.Line(errors, F(5), cells[5], MemberLimits.Department);
        var joined = Check.Year(errors, F(6), Check.FormNumber(errors, F(6), cells[6]), currentYear);
        var left = Check.Year(errors, F(7), Check.FormNumber(errors, F(7), cells[7]), currentYear);
        if (joined is not null && left is not null && left < joined) errors.Add(F(7), "Validation.LeftBeforeJoined");
        var number = Check.Line(errors, F(8), cells[8], RosterLimits.EmployeeNumber);
        string? language = null;
        if (hasLanguage && !string.IsNullOrWhiteSpace(cells[9]))
        {
            language = cells[9]!.Trim().ToLowerInvariant();
            if (language is not ("ja" or "en")) errors.Add(F(9), "Validation.OneOf", "ja, en");
        }
        foreach (var e in errors.Items) all.Add(e.Field, e.Key, e.Args);
        return errors.Any ? null : new RosterRow(line, family!, given!, familyKana, givenKana, email!, department, joined, left, number, language);
    }
}
