using NewsSite.FrontMatter;
using System.Xml.Linq;
using NewsSite.Model;
using NewsSite.Sitemaps;

namespace NewsSite.Tests.Sitemaps;

public sealed class NewsSitemapWriterTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.FromHours(5.5));

    [Fact]
    public void An_article_exactly_48_hours_old_is_in_and_one_a_second_older_is_out()
    {
        var edge = Entry("edge", Now.AddHours(-48));
        var older = Entry("older", Now.AddHours(-48).AddSeconds(-1));
        Assert.Equal([edge], NewsSitemapWriter.Select([edge, older], Now));
    }

    [Fact]
    public void An_article_published_at_now_is_in_and_one_a_second_later_is_out()
    {
        var future = Entry("future", Now.AddSeconds(1));
        var now = Entry("now", Now);
        Assert.Equal([now], NewsSitemapWriter.Select([future, now], Now));
    }

    [Fact]
    public void The_window_compares_instants_not_wall_clock_times()
    {
        // 47 hours old, written in UTC while now is in IST.
        var utc = Entry("utc", Now.ToUniversalTime().AddHours(-47));
        Assert.Single(NewsSitemapWriter.Select([utc], Now));
    }

    [Fact]
    public void At_most_1000_articles_are_listed_the_newest_ones()
    {
        var entries = Enumerable.Range(0, 1001).Select(i => Entry($"a{i}", Now.AddMinutes(-i))).ToList();
        var selected = NewsSitemapWriter.Select(entries, Now);
        Assert.Equal(1000, selected.Count);
        Assert.Equal(entries.Take(1000), selected);

        Assert.Equal(1000, NewsSitemapWriter.Select(entries.Take(1000), Now).Count);
    }

    [Fact]
    public void Drafts_are_never_listed()
    {
        var draft = Entry("draft", Now.AddHours(-1));
        draft = new Entry { Article = draft.Article with { Draft = true }, Index = 0, Route = draft.Route };
        Assert.Empty(NewsSitemapWriter.Select([draft], Now));
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("pt-BR", "pt")]
    [InlineData("zh-CN", "zh-cn")]
    [InlineData("zh-Hans", "zh-cn")]
    [InlineData("zh-TW", "zh-tw")]
    [InlineData("zh-Hant-HK", "zh-tw")]
    public void Language_is_the_code_google_news_expects(string tag, string expected) =>
        Assert.Equal(expected, NewsSitemapWriter.Language(tag));

    [Fact]
    public void Each_article_has_publication_name_language_date_and_title_in_the_news_namespace()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace news = "http://www.google.com/schemas/sitemap-news/0.9";
        var article = Entry("a", Now.AddHours(-2)).Article with { Headline = "Rain & wind <today>" };
        var bytes = NewsSitemapWriter.Write([("https://news.example/world/a/", article)], "Test Times", "en");

        var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Root!;
        Assert.Equal(sm + "urlset", root.Name);
        var url = Assert.Single(root.Elements(sm + "url"));
        Assert.Equal("https://news.example/world/a/", url.Element(sm + "loc")!.Value);
        var item = url.Element(news + "news")!;
        Assert.Equal("Test Times", item.Element(news + "publication")!.Element(news + "name")!.Value);
        Assert.Equal("en", item.Element(news + "publication")!.Element(news + "language")!.Value);
        Assert.Equal("2025-05-01T10:00:00+05:30", item.Element(news + "publication_date")!.Value);
        Assert.Equal("Rain & wind <today>", item.Element(news + "title")!.Value);
    }

    private static Entry Entry(string slug, DateTimeOffset date) => new()
    {
        Article = new Article { SourcePath = $"content/world/{slug}.md", Headline = slug, Date = date, Slug = slug, Body = "" },
        Index = 0,
        Route = $"/world/{slug}/",
    };
}
