using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenAlumni.Tests.Infrastructure.Localization;

/// <summary>
/// Every string exists in both languages, and every key the code asks for exists in the resources of the class
/// it asks, in both languages: a misspelt key fails here instead of showing as a raw key on a page or in a mail.
/// Read from the sources rather than by running them, so that every page, mail and error is covered without a
/// test reaching it: the .cs and .cshtml files are scanned for localizers (<c>IStringLocalizer&lt;XTexts&gt; name</c>:
/// parameters, <c>@inject</c>, also from the <c>_ViewImports.cshtml</c> above a view) and for what is asked of them
/// (<c>name["Key", ...]</c>), and the resources are read from the .resx files. A key built from pieces
/// (<c>"Type." + type</c>) must match at least one key; one held in a variable is checked where it is written, if
/// that is as a validation key, else not at all.
/// </summary>
public sealed partial class TextsTests
{
    static readonly string Source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/OpenAlumni.Web"));
    const string Neutral = "";
    const string Japanese = "ja";

    static HashSet<string> Keys(string resx) => XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    /// <summary>Keys by resource class (EventTexts) and language ("" for the neutral, English file; "ja").</summary>
    static readonly Lazy<Dictionary<string, Dictionary<string, HashSet<string>>>> Resources = new(() =>
        Directory.GetFiles(Source, "*.resx", SearchOption.AllDirectories)
            .GroupBy(f => Path.GetFileName(f).Split('.')[0])
            .ToDictionary(g => g.Key, g => g.ToDictionary(f => f.EndsWith(".ja.resx") ? Japanese : Neutral, Keys)));

    public static TheoryData<string> ResourceFiles() =>
        new(Directory.GetFiles(Source, "*.resx", SearchOption.AllDirectories).Where(f => !f.EndsWith(".ja.resx")).Select(f => Path.GetRelativePath(Source, f)));

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void EveryEnglishStringHasAJapaneseOne_AndBack(string file)
    {
        var english = Keys(Path.Combine(Source, file));
        var japanese = Keys(Path.Combine(Source, file.Replace(".resx", ".ja.resx")));

        Assert.Empty(english.Except(japanese));
        Assert.Empty(japanese.Except(english));
    }

    /// <summary>
    /// Services return errors as keys (<c>errors.Add("capacity", "Events.CapacityMustBePositive")</c>), which the API
    /// and the pages look up in ValidationTexts: any string that looks like one of its keys (one of its prefixes, a dot,
    /// a name) must be one.
    /// </summary>
    [Fact]
    public void EveryValidationKeyUsedInCode_HasAMessage()
    {
        var validation = Resources.Value["ValidationTexts"];
        var prefixes = validation[Neutral].Select(k => k.Split('.')[0]).Distinct();
        var pattern = new Regex($"\"((?:{string.Join('|', prefixes)})\\.[A-Za-z]+)\"");

        var used = SourceFiles().SelectMany(f => pattern.Matches(f.Text).Select(m => (f.Path, Line: f.LineOf(m.Index), Key: m.Groups[1].Value))).ToList();
        var missing = used.SelectMany(u => new[] { Neutral, Japanese }.Where(lang => !validation[lang].Contains(u.Key))
            .Select(lang => $"{u.Path}:{u.Line}: \"{u.Key}\" is not in ValidationTexts{(lang == Neutral ? "" : "." + lang)}.resx")).ToList();

        Assert.NotEmpty(used);
        Assert.True(missing.Count == 0, "Validation keys without a message:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void EveryKeyAskedOfALocalizer_IsInItsResources_InBothLanguages()
    {
        var uses = SourceFiles().SelectMany(KeyUses).ToList();

        var problems = new List<string>();
        foreach (var use in uses)
        {
            if (!Resources.Value.TryGetValue(use.Class, out var resources))
            {
                problems.Add($"{use.Path}:{use.Line}: {use.Class} has no .resx files");
                continue;
            }
            foreach (var lang in new[] { Neutral, Japanese })
            {
                var keys = resources.GetValueOrDefault(lang) ?? [];
                var found = use.Pattern is null ? keys.Contains(use.Key) : keys.Any(use.Pattern.IsMatch);
                var asked = use.Pattern is null ? $"\"{use.Key}\"" : use.Key;
                if (!found) problems.Add($"{use.Path}:{use.Line}: {use.Class}[{asked}] is not in {use.Class}{(lang == Neutral ? "" : "." + lang)}.resx");
            }
        }

        Assert.True(uses.Count > 1000, $"Only {uses.Count} keys found in the sources: is the scan still finding the localizers?");
        Assert.True(problems.Count == 0, "Keys missing from the resources:\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>A key asked of a localizer: a literal key, or (built from pieces) a pattern some key must match.</summary>
    sealed record KeyUse(string Path, int Line, string Class, string Key, Regex? Pattern);

    sealed record SourceFile(string Path, string Text)
    {
        public int LineOf(int index) => Text.AsSpan(0, index).Count('\n') + 1;
    }

    /// <summary>The app's .cs and .cshtml files, comments blanked out (a <c>&lt;see cref="Privacy.Consents"/&gt;</c> is no key).</summary>
    static IEnumerable<SourceFile> SourceFiles() =>
        Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Source, "*.cshtml", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"))
            .Select(f => new SourceFile(Path.GetRelativePath(Source, f), BlankComments(File.ReadAllText(f))));

    static string BlankComments(string text) =>
        RazorComment().Replace(LineComment().Replace(text, ""), m => new string('\n', m.Value.Count(c => c == '\n')));

    static IEnumerable<KeyUse> KeyUses(SourceFile file)
    {
        // Which class each localizer name stands for: the latest declaration before the use; a view also has those
        // of the _ViewImports.cshtml files above it (position -1: before everything in the view).
        var declared = new List<(int At, string Name, string Class)>();
        if (file.Path.EndsWith(".cshtml"))
            foreach (var imports in ViewImportsAbove(file.Path))
                declared.AddRange(Declarations(File.ReadAllText(imports)).Select(d => (-1, d.Name, d.Class)));
        declared.AddRange(Declarations(file.Text));

        foreach (Match use in Indexer().Matches(file.Text))
        {
            var name = use.Groups[1].Value;
            var localizer = declared.Where(d => d.Name == name && d.At < use.Index).OrderBy(d => d.At).LastOrDefault();
            if (localizer.Name is null) continue;
            var argument = FirstArgument(file.Text, use.Index + use.Length).Trim();
            var literals = StringLiteral().Matches(argument);
            // A key held in a variable (texts[e.Key]) is checked where the string is written, if anywhere.
            if (literals.Count == 0) continue;
            var line = file.LineOf(use.Index);
            if (argument.StartsWith('$') || argument.Contains('+'))
            {
                var pattern = PatternOf(argument, literals);
                yield return new KeyUse(file.Path, line, localizer.Class, argument, new Regex("^" + pattern + "$"));
            }
            else
                foreach (Match literal in literals) // one key, or one per branch of a ?: choice
                    yield return new KeyUse(file.Path, line, localizer.Class, literal.Groups[2].Value, null);
        }

        // AccountService.SendAsync(user, "Mail.XSubject", "Mail.XBody", ...) takes AccountTexts keys as arguments.
        foreach (Match send in AccountMail().Matches(file.Text))
            for (var g = 1; g <= 2; g++)
                yield return new KeyUse(file.Path, file.LineOf(send.Index), "AccountTexts", send.Groups[g].Value, null);
    }

    static IEnumerable<(int At, string Name, string Class)> Declarations(string text) =>
        LocalizerDeclaration().Matches(text).Select(m => m.Groups["name"].Success
            ? (m.Index, m.Groups["name"].Value, m.Groups["class"].Value)
            : (m.Index, m.Groups["var"].Value, m.Groups["vclass"].Value));

    static IEnumerable<string> ViewImportsAbove(string view)
    {
        var found = new List<string>();
        for (var dir = Path.GetDirectoryName(Path.Combine(Source, view)); dir is not null && dir.StartsWith(Source); dir = Path.GetDirectoryName(dir))
        {
            var imports = Path.Combine(dir, "_ViewImports.cshtml");
            if (File.Exists(imports) && !view.EndsWith("_ViewImports.cshtml")) found.Add(imports);
        }
        found.Reverse(); // the outermost first, as Razor applies them
        return found;
    }

    /// <summary>The first argument of an indexer whose '[' ends just before <paramref name="start"/>: up to a ',' or ']' at its own depth.</summary>
    static string FirstArgument(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0) return text[start..i];
                depth--;
            }
            else if (c == ',' && depth == 0) return text[start..i];
        }
        return text[start..];
    }

    /// <summary>"Type." + n.Type → Type\..*, $"Stage.{s}" → Stage\..*, key + "Title" → .*Title.</summary>
    static string PatternOf(string argument, MatchCollection literals)
    {
        if (argument.StartsWith("$\"") && literals.Count == 1)
            return string.Join(".*", Interpolation().Split(literals[0].Groups[2].Value).Select(Regex.Escape));
        var pattern = "";
        var position = 0;
        foreach (Match literal in literals)
        {
            if (argument[position..literal.Index].Trim(' ', '+').Length > 0) pattern += ".*";
            pattern += Regex.Escape(literal.Groups[2].Value);
            position = literal.Index + literal.Length;
        }
        if (argument[position..].Trim(' ', '+').Length > 0) pattern += ".*";
        return pattern;
    }

    [GeneratedRegex(@"IStringLocalizer<\s*(?:[\w.]+\.)?(?<class>\w+)\s*>\s+(?<name>\w+)|(?<var>\w+)\s*=\s*[^;]*?GetRequiredService<IStringLocalizer<\s*(?:[\w.]+\.)?(?<vclass>\w+)\s*>>")]
    private static partial Regex LocalizerDeclaration();

    [GeneratedRegex(@"(?<![\w.])(\w+)\[")]
    private static partial Regex Indexer();

    [GeneratedRegex(@"(\$?)""((?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"\bSendAsync\(\s*\w+\s*,\s*""([^""]+)""\s*,\s*""([^""]+)""")]
    private static partial Regex AccountMail();

    [GeneratedRegex(@"(?m)^[ \t]*//.*$")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"@\*[\s\S]*?\*@")]
    private static partial Regex RazorComment();
}
