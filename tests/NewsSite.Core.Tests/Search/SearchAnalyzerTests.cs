using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class SearchAnalyzerTests
{
    [Fact]
    public void Text_becomes_folded_stemmed_terms_without_stop_words()
    {
        var words = SearchAnalyzer.Analyze("The Élections in India’s states were held").ToList();
        Assert.Equal(["elections", "india's", "states", "held"], words.Select(w => w.Word));
        Assert.Equal(["elect", "india", "state", "held"], words.Select(w => w.Term));
    }

    [Fact]
    public void Single_characters_and_overlong_tokens_are_not_indexed()
    {
        var junk = new string('x', SearchAnalyzer.MaxWordLength + 1);
        Assert.Equal(["plan"], SearchAnalyzer.Analyze($"x 7 plan {junk}").Select(w => w.Word));
    }

    [Fact]
    public void Stop_words_are_those_in_the_published_list()
    {
        Assert.True(StopWords.Contains("the"));
        Assert.True(StopWords.Contains("it's"));
        Assert.False(StopWords.Contains("up"));
        Assert.Equal(StopWords.All.Order(StringComparer.Ordinal), StopWords.All);
    }
}
