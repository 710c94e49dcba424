using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenAlumni.Tests.Infrastructure.Localization;

/// <summary>Every string exists in both languages, and every message key the code uses exists.</summary>
public sealed partial class TextsTests
{
    static readonly string Source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/OpenAlumni.Web"));

    static HashSet<string> Keys(string resx) => XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

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

    [Fact]
    public void EveryValidationKeyUsedInCode_HasAMessage()
    {
        var known = Keys(Path.Combine(Source, "Infrastructure/Localization/ValidationTexts.resx"));
        var used = Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(known));
    }

    [GeneratedRegex("\"((?:Validation|Events|Jobs|Collaborations|Community)\\.[A-Za-z]+)\"")]
    private static partial Regex KeyPattern();
}
