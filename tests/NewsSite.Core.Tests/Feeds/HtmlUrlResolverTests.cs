using NewsSite.Feeds;

namespace NewsSite.Tests.Feeds;

public sealed class HtmlUrlResolverTests
{
    private static readonly Uri Page = new("https://news.example/world/2025/04/30/quake/");

    [Theory]
    [InlineData("<a href=\"/world/\">w</a>", "<a href=\"https://news.example/world/\">w</a>")]
    [InlineData("<img src=\"chart.png\" alt=\"c\" />", "<img src=\"https://news.example/world/2025/04/30/quake/chart.png\" alt=\"c\" />")]
    [InlineData("<img src=\"../x.png\">", "<img src=\"https://news.example/world/2025/04/30/x.png\">")]
    [InlineData("<a href=\"#fn1\">1</a>", "<a href=\"https://news.example/world/2025/04/30/quake/#fn1\">1</a>")]
    [InlineData("<a href=\"//cdn.example/a.png\">a</a>", "<a href=\"https://cdn.example/a.png\">a</a>")]
    [InlineData("<a href=\"/search?q=a&amp;b=c\">s</a>", "<a href=\"https://news.example/search?q=a&amp;b=c\">s</a>")]
    public void Relative_links_and_sources_become_absolute(string html, string expected) =>
        Assert.Equal(expected, HtmlUrlResolver.Absolutize(html, Page));

    [Theory]
    [InlineData("<a href=\"https://other.example/?a=1&amp;b=2\">x</a>")]
    [InlineData("<a href=\"mailto:desk@news.example\">mail</a>")]
    [InlineData("<p>href=\"/not-an-attribute/\"</p>")]
    public void Absolute_urls_and_text_are_left_alone(string html) =>
        Assert.Equal(html, HtmlUrlResolver.Absolutize(html, Page));
}
