using OpenAlumni.Web.Infrastructure.Search;

namespace OpenAlumni.Tests.Infrastructure.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("ヤマダ　ハナコ", "やまだ はなこ")]
    [InlineData("ﾔﾏﾀﾞ", "やまだ")]
    [InlineData("ＹＡＭＡＤＡ", "yamada")]
    [InlineData("  山田   花子 ", "山田 花子")]
    [InlineData("データ分析", "でーた分析")]
    public void Normalize_FoldsWidthKatakanaAndCase(string input, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(input));

    [Fact]
    public void Grams_IndexOneAndTwoCharacterWords_SoShortJapaneseWordsAreFindable()
    {
        var grams = SearchText.Grams("山田 花子", "n").ToList();

        Assert.Contains("n山田", grams);
        Assert.Contains("n花子", grams);
        Assert.Contains("n山", grams);
        Assert.DoesNotContain("n田 ", grams);
    }

    [Fact]
    public void QueryGrams_OfAOneCharacterTerm_IsTheCharacter()
    {
        Assert.Equal(["e山"], SearchText.QueryGrams("山", "e"));
        Assert.Equal(["e山田", "e田花"], SearchText.QueryGrams("山田花", "e"));
    }
}
