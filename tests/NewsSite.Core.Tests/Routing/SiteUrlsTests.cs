using NewsSite.Routing;

namespace NewsSite.Tests.Routing;

public sealed class SiteUrlsTests
{
    private static SiteUrls At(string baseUrl) => new(new Uri(baseUrl));

    [Fact]
    public void At_the_site_root_a_route_is_its_own_link_and_no_copy_is_made()
    {
        var route = string.Concat("/world/", "2025/04/30/quake/");

        var link = At("https://example.org/").Link(route);

        Assert.Equal("/world/2025/04/30/quake/", link);
        Assert.Same(route, link);
    }

    [Theory]
    [InlineData("https://example.org/news/", "/world/", "/news/world/")]
    [InlineData("https://example.org/news/", "/", "/news/")]
    [InlineData("https://example.org/", "//evil.example/", "/evil.example/")]
    [InlineData("https://example.org/", "https://elsewhere.example/a", "https://elsewhere.example/a")]
    public void Links_carry_the_base_path_and_never_become_protocol_relative(string baseUrl, string route, string expected) =>
        Assert.Equal(expected, At(baseUrl).Link(route));
}
