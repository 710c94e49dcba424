using System.Text;

namespace OpenAlumni.Web.Infrastructure.Search;

/// <summary>
/// Normalises Japanese and Latin text for search (see DESIGN.md "Search in Japanese"): NFKC (full-width
/// to half-width, half-width katakana to full-width), katakana folded to hiragana, lower case, runs of
/// white space to one space. A query and the indexed text go through the same function.
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var nfkc = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(nfkc.Length);
        var space = false;
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) { sb.Append(' '); space = false; }
            // Katakana ァ..ヶ sit 0x60 above their hiragana; ー and the rest stay as they are.
            sb.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }
        return sb.ToString();
    }

    /// <summary>The query's terms, normalised; each must match (AND).</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8).ToList();

    /// <summary>
    /// Character unigrams and bigrams of each run of letters or digits, so that one- and two-character
    /// Japanese words (山田, 営業) are findable by an inverted index; prefix names the visibility level.
    /// </summary>
    public static IEnumerable<string> Grams(string normalized, string prefix)
    {
        foreach (var run in Runs(normalized))
        {
            for (var i = 0; i < run.Length; i++)
            {
                yield return prefix + run[i];
                if (i + 1 < run.Length) yield return prefix + run.Substring(i, 2);
            }
        }
    }

    /// <summary>The grams a query term needs: its bigrams, or the character itself when it is one long.</summary>
    public static IEnumerable<string> QueryGrams(string term, string prefix)
    {
        foreach (var run in Runs(term))
        {
            if (run.Length == 1) yield return prefix + run;
            for (var i = 0; i + 1 < run.Length; i++) yield return prefix + run.Substring(i, 2);
        }
    }

    /// <summary>
    /// Whether a text that holds the term's grams surely holds the term: one run of one or two letters is its
    /// own gram. Longer terms need the substring check too (their bigrams may sit apart), and PostgreSQL's
    /// planner guesses that check's selectivity blindly, so leaving it off where it proves nothing lets the
    /// planner use the real gram statistics.
    /// </summary>
    public static bool GramsAreExact(string term) => term.Length is 1 or 2 && term.All(char.IsLetterOrDigit);

    static IEnumerable<string> Runs(string s)
    {
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var inRun = i < s.Length && char.IsLetterOrDigit(s[i]);
            if (inRun && start < 0) start = i;
            else if (!inRun && start >= 0) { yield return s[start..i]; start = -1; }
        }
    }
}
