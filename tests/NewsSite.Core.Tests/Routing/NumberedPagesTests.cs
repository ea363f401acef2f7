using NewsSite.Routing;

namespace NewsSite.Tests.Routing;

public sealed class NumberedPagesTests
{
    [Theory]
    [InlineData("/world/page/3/", "/world/")]
    [InlineData("/tags/india/page/12/", "/tags/india/")]
    [InlineData("/page/2/", "/")]
    [InlineData("/world/", "/world/")]
    [InlineData("/world/2025/04/30/page/", "/world/2025/04/30/page/")]
    [InlineData("/tags/page/", "/tags/page/")]
    public void List_route_of_a_numbered_page_is_its_first_pages_route(string route, string expected) =>
        Assert.Equal(expected, NumberedPages.ListRoute(route));
}
