using System.Text.RegularExpressions;
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
    [InlineData("/page/page/3/", "/page/")]
    [InlineData("/world/page/3/page/4/", "/world/page/3/")]
    [InlineData("/world/page/3", "/world/page/3")]
    [InlineData("world/page/3/", "world/page/3/")]
    [InlineData("/world/apage/3/", "/world/apage/3/")]
    [InlineData("/world/page/\u0663/", "/world/page/\u0663/")]
    [InlineData("", "")]
    public void List_route_of_a_numbered_page_is_its_first_pages_route(string route, string expected) =>
        Assert.Equal(expected, NumberedPages.ListRoute(route));

    /// <summary>The rule as it reads in words, as a regular expression: the scan from the end must agree with it.</summary>
    [Fact]
    public void Agrees_with_the_rule_written_as_a_regular_expression_on_random_routes()
    {
        var rule = new Regex("^(?<list>/(?:.*/)?)page/[0-9]+/$", RegexOptions.CultureInvariant);
        string[] parts = ["page", "3", "12", "world", "", "a", "/", "\u0663", "page3"];
        var random = new Random(3);
        for (var i = 0; i < 50_000; i++)
        {
            var route = string.Concat(Enumerable.Range(0, random.Next(0, 7)).Select(_ => parts[random.Next(parts.Length)] + (random.Next(4) > 0 ? "/" : "")));
            route = (random.Next(5) > 0 ? "/" : "") + route;
            var match = rule.Match(route);

            Assert.Equal(match.Success ? match.Groups["list"].Value : route, NumberedPages.ListRoute(route));
        }
    }
}
