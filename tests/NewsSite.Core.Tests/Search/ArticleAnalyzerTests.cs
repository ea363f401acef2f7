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

    [Fact]
    public void A_headline_is_as_long_as_its_indexed_words_and_keeps_that_length_in_the_build_cache()
    {
        var table = new TermTable();
        var analyzer = new ArticleAnalyzer(table);
        // Stop words ("the", "in", "a") and a single letter are not indexed; a repeated word counts each time.
        var analysis = analyzer.Analyse(new SearchText(
            [WeightedText.Headline("The vote in India: a x vote, recounted"), WeightedText.Body("A long body with many words in it")], ""));
        Assert.Equal(4, analysis.HeadlineLength);

        var stored = MemoryPack.MemoryPackSerializer.Deserialize<StoredAnalysis>(
            MemoryPack.MemoryPackSerializer.Serialize(StoredAnalysis.From(analysis, Guid.NewGuid())))!;
        Assert.Equal(4, stored.ToAnalysis(table.Count, new Slab()).HeadlineLength);
    }
}
