using NewsSite.Configuration;
using NewsSite.Diagnostics;

namespace NewsSite.Tests.Configuration;

public sealed class SearchConfigTests
{
    private static (SiteConfig? Config, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag();
        var config = SiteConfigReader.Parse("title: T\n" + yaml, bag);
        return (config, bag.ToSortedList());
    }

    [Fact]
    public void Search_is_on_for_every_article_by_default()
    {
        var (config, diagnostics) = Parse("");
        Assert.Empty(diagnostics);
        Assert.True(config!.Search.Enabled);
        Assert.Empty(config.Search.Sections);
    }

    [Theory]
    [InlineData("search: false")]
    [InlineData("search: { enabled: false }")]
    public void Search_can_be_switched_off(string yaml)
    {
        var (config, diagnostics) = Parse(yaml);
        Assert.Empty(diagnostics);
        Assert.False(config!.Search.Enabled);
    }

    [Fact]
    public void Sections_to_index_are_named_by_slug_or_name()
    {
        var (config, diagnostics) = Parse("search:\n  sections: [World, Science & Tech, world]\n");
        Assert.Empty(diagnostics);
        Assert.Equal(["world", "science-tech"], config!.Search.Sections);
    }

    [Fact]
    public void A_wrong_value_is_an_error_at_its_line()
    {
        var (config, diagnostics) = Parse("search:\n  enabled: maybe\n");
        Assert.Null(config);
        Assert.Contains(diagnostics, d => d.ToString().StartsWith("site.yaml:3:12: error", StringComparison.Ordinal));
    }
}
