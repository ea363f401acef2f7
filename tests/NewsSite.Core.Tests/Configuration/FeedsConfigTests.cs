using NewsSite.Configuration;
using NewsSite.Diagnostics;

namespace NewsSite.Tests.Configuration;

public sealed class FeedsConfigTests
{
    [Fact]
    public void Feeds_default_to_20_summaries()
    {
        var config = Parse("title: T\n", out _)!;
        Assert.Equal(20, config.Feeds.Limit);
        Assert.False(config.Feeds.FullContent);
    }

    [Fact]
    public void Feeds_limit_and_full_content_are_read()
    {
        var config = Parse("title: T\nfeeds:\n  limit: 50\n  full_content: true\n", out var bag)!;
        Assert.Empty(bag.ToSortedList());
        Assert.Equal(50, config.Feeds.Limit);
        Assert.True(config.Feeds.FullContent);
    }

    [Fact]
    public void A_feed_limit_out_of_range_is_an_error_at_its_value()
    {
        Assert.Null(Parse("title: T\nfeeds:\n  limit: 0\n", out var bag));
        Assert.Equal("site.yaml:3:10: error NS0202: 'limit' must be a whole number from 1 to 1000, not '0'", Assert.Single(bag.ToSortedList()).ToString());
    }

    [Fact]
    public void An_unknown_feeds_setting_is_a_warning()
    {
        Assert.NotNull(Parse("title: T\nfeeds:\n  count: 5\n", out var bag));
        Assert.Equal("site.yaml:3:3: warning NS0502: unknown setting 'feeds.count' is ignored", Assert.Single(bag.ToSortedList()).ToString());
    }

    private static SiteConfig? Parse(string yaml, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return SiteConfigReader.Parse(yaml, bag);
    }
}
