using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class StoredAnalysisTests
{
    // One pair whose number's gap is the five-byte 7-bit integer 0xFFFFFFFF: read as an int, the number is −1.
    private static readonly byte[] BelowZero = [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01];

    // One word, string 0, whose term is string −1.
    private static readonly byte[] TermBelowZero = [0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F];

    // One term, string 1, with signal 5.
    private static readonly byte[] SecondString = [0x01, 0x01, 0x05];

    private static readonly byte[] Empty = [0x00];

    [Fact]
    public void A_stored_list_that_refers_to_a_string_below_the_first_is_refused()
    {
        var terms = new StoredAnalysis(Guid.Empty, BelowZero, Empty, Empty, 1, 1, []);
        var words = new StoredAnalysis(Guid.Empty, Empty, BelowZero, Empty, 1, 1, []);
        var wordTerms = new StoredAnalysis(Guid.Empty, Empty, TermBelowZero, Empty, 1, 1, []);

        Assert.Throws<InvalidDataException>(() => terms.ToAnalysis(1, new Slab()));
        Assert.Throws<InvalidDataException>(() => words.ToAnalysis(1, new Slab()));
        Assert.Throws<InvalidDataException>(() => wordTerms.ToAnalysis(1, new Slab()));
    }

    [Fact]
    public void A_stored_list_that_refers_to_a_string_its_generation_did_not_have_is_refused()
    {
        var stored = new StoredAnalysis(Guid.Empty, SecondString, Empty, Empty, 1, 1, []);

        Assert.Throws<InvalidDataException>(() => stored.ToAnalysis(1, new Slab()));
        Assert.Equal([1], stored.ToAnalysis(2, new Slab()).TermFrequencies().Terms);
    }

    [Fact]
    public void A_stored_list_cut_short_is_refused()
    {
        // Two terms said, one given; a number whose last byte is missing; not even a count.
        byte[][] cutShort = [[0x02, 0x00, 0x05], [0x01, 0x80], []];
        foreach (var terms in cutShort)
        {
            Assert.Throws<InvalidDataException>(() => new StoredAnalysis(Guid.Empty, terms, Empty, Empty, 1, 1, []).ToAnalysis(1, new Slab()));
            Assert.Throws<InvalidDataException>(() => new StoredAnalysis(Guid.Empty, Empty, terms, Empty, 1, 1, []).ToAnalysis(1, new Slab()));
        }
    }

    [Fact]
    public void An_analysis_is_read_back_as_it_was_stored()
    {
        var table = new TermTable();
        var analyzer = new ArticleAnalyzer(table);
        var analysis = analyzer.Analyse(new SearchText([WeightedText.Headline("Votes counted"), WeightedText.Body("The count of votes went on all night.")], "A snippet"));
        var generation = Guid.NewGuid();

        var stored = MemoryPack.MemoryPackSerializer.Deserialize<StoredAnalysis>(MemoryPack.MemoryPackSerializer.Serialize(StoredAnalysis.From(analysis, generation)))!;
        var read = stored.ToAnalysis(table.Count, new Slab());

        Assert.Equal(generation, stored.Generation);
        Assert.Equal(analysis.PackedTerms.ToArray(), read.PackedTerms.ToArray());
        Assert.Equal(analysis.PackedWords.ToArray(), read.PackedWords.ToArray());
        Assert.Equal(analysis.PackedPairBuckets.ToArray(), read.PackedPairBuckets.ToArray());
        Assert.Equal((analysis.Length, analysis.HeadlineLength, analysis.Snippet), (read.Length, read.HeadlineLength, read.Snippet));
    }
}
