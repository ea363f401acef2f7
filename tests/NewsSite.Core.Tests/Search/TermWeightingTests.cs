using NewsSite.Search;

namespace NewsSite.Tests.Search;

/// <summary>The build-time half of ranking; the browser adds rarity (idf) and recency (see the browser tests).</summary>
public sealed class TermWeightingTests
{
    private const double Average = 1000;

    [Fact]
    public void A_word_in_the_headline_weighs_more_than_the_same_word_once_in_the_body()
    {
        var headline = TermWeighting.Level(SearchFieldWeights.Headline, Average, Average);
        var body = TermWeighting.Level(SearchFieldWeights.Body, Average, Average);
        Assert.True(headline > body, $"headline {headline}, body {body}");
    }

    [Fact]
    public void Key_points_weigh_more_than_the_body_and_less_than_the_headline()
    {
        var keyPoint = TermWeighting.Level(SearchFieldWeights.KeyPoints, Average, Average);
        Assert.InRange(keyPoint, TermWeighting.Level(SearchFieldWeights.Body * 2, Average, Average) + 1, TermWeighting.Level(SearchFieldWeights.Headline, Average, Average) - 1);
    }

    [Fact]
    public void Repetition_helps_less_and_less()
    {
        var levels = new[] { 1, 2, 4, 8, 16, 32 }.Select(n => TermWeighting.Level(n, Average, Average)).ToList();
        Assert.Equal(levels.Order(), levels);
        Assert.True(levels[1] - levels[0] >= levels[5] - levels[4]);
        Assert.True(levels[5] <= TermWeighting.Levels);
    }

    [Fact]
    public void The_same_count_in_a_longer_article_weighs_less() =>
        Assert.True(TermWeighting.Level(2, Average * 3, Average) < TermWeighting.Level(2, Average / 3, Average));

    [Theory]
    [InlineData(0.001, 1)]
    [InlineData(1e9, TermWeighting.Levels)]
    public void Levels_stay_between_1_and_15(double frequency, int expected) =>
        Assert.Equal(expected, TermWeighting.Level(frequency, Average, Average));

    [Fact]
    public void A_word_that_does_not_occur_has_level_0() =>
        Assert.Equal(0, TermWeighting.Level(0, Average, Average));
}
