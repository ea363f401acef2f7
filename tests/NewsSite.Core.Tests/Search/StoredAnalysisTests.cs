using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class StoredAnalysisTests
{
    // One pair whose number's gap is the five-byte 7-bit integer 0xFFFFFFFF: read as an int, the number is −1.
    private static readonly byte[] BelowZero = [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01];

    // One word, string 0, whose term is string −1.
    private static readonly byte[] TermBelowZero = [0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F];

    private static readonly byte[] Empty = [0x00];

    [Fact]
    public void A_stored_list_that_refers_to_a_string_below_the_first_is_refused()
    {
        var strings = "vote\n"u8.ToArray();
        var terms = new StoredAnalysis(strings, BelowZero, Empty, Empty, 1, 1, []);
        var words = new StoredAnalysis(strings, Empty, BelowZero, Empty, 1, 1, []);
        var wordTerms = new StoredAnalysis(strings, Empty, TermBelowZero, Empty, 1, 1, []);

        Assert.Throws<InvalidDataException>(() => terms.ToAnalysis(new TermTable(), new Slab<byte>(), new Slab<int>()));
        Assert.Throws<InvalidDataException>(() => words.ToAnalysis(new TermTable(), new Slab<byte>(), new Slab<int>()));
        Assert.Throws<InvalidDataException>(() => wordTerms.ToAnalysis(new TermTable(), new Slab<byte>(), new Slab<int>()));
    }

    [Fact]
    public void A_stored_list_within_its_strings_is_read_back()
    {
        var analysis = new StoredAnalysis("vote\n"u8.ToArray(), [0x01, 0x00, 0x05], Empty, Empty, 1, 1, [])
            .ToAnalysis(new TermTable(), new Slab<byte>(), new Slab<int>());

        var (terms, signals) = analysis.TermFrequencies();
        Assert.Equal([0], terms);
        Assert.Equal([5], signals);
    }
}
