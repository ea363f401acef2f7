using NewsSite.Routing;

namespace NewsSite.Tests.Routing;

public sealed class PermalinkPatternTests
{
    private static readonly DateTimeOffset Date = new(2025, 4, 3, 23, 0, 0, TimeSpan.FromHours(5.5));

    [Fact]
    public void Default_pattern_uses_section_date_and_slug()
    {
        Assert.Equal("/world/2025/04/03/quake/", PermalinkPattern.Default.Expand("world", Date, "quake"));
    }

    [Fact]
    public void Missing_section_leaves_no_empty_segment()
    {
        Assert.Equal("/2025/04/03/quake/", PermalinkPattern.Default.Expand("", Date, "quake"));
    }

    [Theory]
    [InlineData("/news/{slug}/", "/news/quake/")]
    [InlineData("/{yyyy}/{mm}/{slug}/", "/2025/04/quake/")]
    public void Custom_patterns_expand(string pattern, string expected)
    {
        var (parsed, error) = PermalinkPattern.Parse(pattern);
        Assert.Null(error);
        Assert.Equal(expected, parsed!.Expand("world", Date, "quake"));
    }

    [Theory]
    [InlineData("/{section}/", "must contain {slug}")]
    [InlineData("/{title}/{slug}/", "unknown permalink token '{title}'")]
    [InlineData("{slug}", "must start and end with '/'")]
    [InlineData("/../{slug}/", "unsafe part")]
    public void Bad_patterns_are_rejected(string pattern, string message)
    {
        var (parsed, error) = PermalinkPattern.Parse(pattern);
        Assert.Null(parsed);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
