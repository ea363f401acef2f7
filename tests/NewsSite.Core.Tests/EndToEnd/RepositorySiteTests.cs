using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>Builds the repository's own sample site (site.yaml, content/, templates/) and checks what search engines read.</summary>
public sealed class RepositorySiteTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"), "out");

    [Fact]
    public void Every_article_page_of_the_sample_site_has_complete_news_article_json_ld()
    {
        var result = SiteBuilder.Build(new BuildOptions { SourceRoot = RepositoryFiles.Root(), OutputRoot = _output });
        var built = new BuiltSite(result, _output);
        built.AssertSucceeded();
        Assert.True(result.Articles > 0, "the sample site has no published articles");

        var checkedPages = 0;
        foreach (var file in built.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var page = built.Html(file);
            if (page.QuerySelector("meta[property='og:type']")?.GetAttribute("content") != "article")
            {
                continue;
            }

            checkedPages++;
            var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
            var article = JsonLd.OfType(page, "NewsArticle");
            var because = $"in {file}";
            Assert.True(article.Text("headline").Length > 0, because);
            Assert.Equal(page.QuerySelector("h1")!.TextContent.Trim(), article.Text("headline"));
            Assert.True(DateTimeOffset.TryParse(article.Text("datePublished"), out var published), because);
            Assert.True(DateTimeOffset.TryParse(article.Text("dateModified"), out var modified) && modified >= published, because);
            var authors = article.GetProperty("author").EnumerateArray().ToList();
            Assert.NotEmpty(authors);
            Assert.All(authors, a => Assert.True(a.Text("name").Length > 0 && Uri.IsWellFormedUriString(a.Text("url"), UriKind.Absolute), because));
            var publisher = article.GetProperty("publisher");
            Assert.True(publisher.Text("name").Length > 0, because);
            Assert.True(Uri.IsWellFormedUriString(publisher.GetProperty("logo").Text("url"), UriKind.Absolute), because);
            Assert.NotEmpty(article.GetProperty("image").EnumerateArray());
            Assert.All(article.GetProperty("image").EnumerateArray(), i => Assert.True(Uri.IsWellFormedUriString(i.GetString(), UriKind.Absolute), because));
            Assert.Equal(canonical, article.GetProperty("mainEntityOfPage").Text("@id"));

            var section = page.QuerySelector("meta[property='article:section']")?.GetAttribute("content");
            Assert.Equal(section, article.TryGetProperty("articleSection", out var s) ? s.GetString() : null);
            var tags = page.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")).ToList();
            Assert.Equal(tags, article.TryGetProperty("keywords", out var k) ? k.EnumerateArray().Select(t => t.GetString()).ToList() : []);

            var crumbs = JsonLd.OfType(page, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
            Assert.Equal(canonical, crumbs[^1].Text("item"));
        }

        Assert.Equal(result.Articles, checkedPages);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_output)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
