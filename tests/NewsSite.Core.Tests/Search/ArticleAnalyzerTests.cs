using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class ArticleAnalyzerTests
{
    /// <summary>The terms an article's body is indexed under, in ordinal order.</summary>
    private static List<string> Terms(string body)
    {
        var table = new TermTable();
        var analysis = new ArticleAnalyzer(table).Analyse(new SearchText([WeightedText.Body(body)], ""));
        return [.. analysis.TermFrequencies().Terms.Select(id => table[id]).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Text_becomes_folded_stemmed_terms_without_stop_words() =>
        Assert.Equal(["elect", "held", "india", "state"], Terms("The Élections in India’s states were held"));

    [Fact]
    public void Single_characters_and_overlong_words_are_not_indexed()
    {
        var junk = new string('x', ArticleAnalyzer.MaxWordLength + 1);
        var longest = new string('z', ArticleAnalyzer.MaxWordLength);
        Assert.Equal(["plan", longest], Terms($"x 7 plan {junk} {longest}"));
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
