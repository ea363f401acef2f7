using System.Xml.Linq;
using NewsSite.Cli;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

public sealed class BaseUrlOptionTests
{
    [Fact]
    public void Base_url_option_rewrites_canonical_urls_feeds_and_sitemaps_of_the_build()
    {
        using var site = TestSite.Create("""
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/
            -- content/world/a.md --
            ---
            headline: A story
            date: 2025-12-31T10:00:00Z
            ---
            Body.
            """);

        var (code, _, error) = Run("build", "--source", site.Source, "--output", site.Output, "--base-url", "https://preview.example/pr-42/");

        Assert.True(code == ExitCodes.Success, error);
        var page = File.ReadAllText(Path.Combine(site.Output, "world/2025/12/31/a/index.html"));
        Assert.Contains("<link rel=\"canonical\" href=\"https://preview.example/pr-42/world/2025/12/31/a/\">", page, StringComparison.Ordinal);
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Load(Path.Combine(site.Output, "sitemap.xml")).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Contains("https://preview.example/pr-42/world/2025/12/31/a/", locs);
        Assert.All(locs, l => Assert.StartsWith("https://preview.example/pr-42/", l, StringComparison.Ordinal));
        var link = XDocument.Load(Path.Combine(site.Output, "index.xml")).Descendants("item").Single().Element("link")!.Value;
        Assert.Equal("https://preview.example/pr-42/world/2025/12/31/a/", link);
    }

    [Fact]
    public void A_base_url_option_that_is_not_absolute_fails_the_build_with_exit_1()
    {
        using var site = TestSite.Create("-- site.yaml --\ntitle: T\nbase_url: https://news.example/\n");

        var (code, _, error) = Run("build", "--source", site.Source, "--output", site.Output, "--base-url", "/relative/");

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("error NS0501: 'base_url' must be an absolute http or https URL", error, StringComparison.Ordinal);
        Assert.Contains("(from --base-url)", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var terminal = new Terminal(output, error, new FixedClock(TestSite.DefaultNow), _ => null);
        var code = CommandLine.Run(args, terminal);
        return (code, output.ToString(), error.ToString());
    }
}
