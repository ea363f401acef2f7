using NewsSite.Search;

namespace NewsSite.Tests.Search;

/// <summary>The build-time half of ranking; the browser adds rarity (idf), word pairs and recency (see the browser tests).</summary>
public sealed class TermWeightingTests
{
    private const double Average = 600;

    private static int Body(int count, double length = Average) => TermWeighting.Level(TermWeighting.Signal(false, 0, count), length, Average);

    private static int Metadata(int weight, int count) => TermWeighting.Level(TermWeighting.Signal(false, TermWeighting.MetadataTenths(weight, count), 0), Average, Average);

    [Fact]
    public void A_word_in_the_headline_outweighs_any_amount_of_it_elsewhere()
    {
        var headline = TermWeighting.Level(TermWeighting.Signal(true, 0, 0), Average, Average);
        var everywhereElse = TermWeighting.Level(TermWeighting.Signal(false, 255, 4095), Average / 10, Average);
        Assert.True(headline > everywhereElse, $"headline {headline}, everywhere else {everywhereElse}");
    }

    [Fact]
    public void A_headline_word_also_found_elsewhere_weighs_more_than_a_headline_word_alone()
    {
        var alone = TermWeighting.Level(TermWeighting.Signal(true, 0, 0), Average, Average);
        var alsoInBody = TermWeighting.Level(TermWeighting.Signal(true, 0, 5), Average, Average);
        Assert.True(alsoInBody > alone);
    }

    [Fact]
    public void A_body_that_repeats_a_word_never_reaches_one_key_point_mention()
    {
        // Saturation per field: repetition in the body tends to the body's weight (1), never to a key point's (5).
        Assert.True(Metadata(SearchFieldWeights.KeyPoints, 1) > Body(4000));
        Assert.True(Metadata(SearchFieldWeights.Tags, 1) > Body(4000));
    }

    [Fact]
    public void Repetition_helps_less_and_less()
    {
        var levels = new[] { 1, 2, 4, 8, 16, 32, 64 }.Select(n => Body(n)).ToList();
        Assert.Equal(levels.Order(), levels);
        Assert.True(levels[1] - levels[0] >= levels[6] - levels[5]);
        Assert.True(levels[6] > levels[0]);
    }

    [Fact]
    public void The_same_count_in_a_longer_body_weighs_less() =>
        Assert.True(Body(3, Average * 4) < Body(3, Average / 4));

    [Theory]
    [InlineData(false, 0, 1)]
    [InlineData(false, 255, 4095)]
    [InlineData(true, 0, 0)]
    [InlineData(true, 255, 4095)]
    public void Levels_stay_between_1_and_32(bool headline, int metadata, int body) =>
        Assert.InRange(TermWeighting.Level(TermWeighting.Signal(headline, metadata, body), Average, Average), 1, TermWeighting.Levels);

    [Fact]
    public void Signals_pack_and_unpack_and_clamp()
    {
        Assert.Equal((true, 37, 12), TermWeighting.Unpack(TermWeighting.Signal(true, 37, 12)));
        Assert.Equal((false, 255, 4095), TermWeighting.Unpack(TermWeighting.Signal(false, 9999, 99_999)));
    }

    [Fact]
    public void A_word_that_does_not_occur_has_level_0() =>
        Assert.Equal(0, TermWeighting.Level(0, Average, Average));
}
