using System.Globalization;
using System.Xml.Linq;
using NewsSite.Sitemaps;

namespace NewsSite.Tests.Sitemaps;

public sealed class SitemapWriterTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(5.5));

    [Fact]
    public void Exactly_50000_urls_fit_in_one_sitemap()
    {
        var files = new SitemapWriter().Write(Urls(50_000), Absolute);

        var file = Assert.Single(files);
        Assert.Equal("sitemap.xml", file.RelativePath);
        var root = Parse(file).Root!;
        Assert.Equal(Ns + "urlset", root.Name);
        Assert.Equal(50_000, root.Elements(Ns + "url").Count());
    }

    [Fact]
    public void More_than_50000_urls_become_an_index_of_numbered_parts()
    {
        var urls = Urls(50_001);
        var files = new SitemapWriter().Write(urls, Absolute);

        Assert.Equal(["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"], files.Select(f => f.RelativePath));
        var index = Parse(files[2]).Root!;
        Assert.Equal(Ns + "sitemapindex", index.Name);
        var entries = index.Elements(Ns + "sitemap").ToList();
        Assert.Equal(["https://news.example/sitemap-1.xml", "https://news.example/sitemap-2.xml"], entries.Select(e => e.Element(Ns + "loc")!.Value));

        // Each part's lastmod is the newest of its pages.
        Assert.Equal(urls[49_999].LastModified, DateTimeOffset.Parse(entries[0].Element(Ns + "lastmod")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(urls[50_000].LastModified, DateTimeOffset.Parse(entries[1].Element(Ns + "lastmod")!.Value, CultureInfo.InvariantCulture));

        var first = Parse(files[0]).Root!.Elements(Ns + "url").ToList();
        var second = Parse(files[1]).Root!.Elements(Ns + "url").ToList();
        Assert.Equal(50_000, first.Count);
        var last = Assert.Single(second);
        Assert.Equal("https://news.example/page-50000/", last.Element(Ns + "loc")!.Value);
        Assert.Equal(urls.Select(u => u.Location), first.Concat(second).Select(u => u.Element(Ns + "loc")!.Value));
    }

    [Fact]
    public void A_part_is_cut_before_it_would_exceed_the_byte_limit()
    {
        const long limit = 2_000;
        var urls = Urls(100);
        var files = new SitemapWriter(maxUrls: 50_000, maxBytes: limit).Write(urls, Absolute);

        var parts = files.Where(f => f.RelativePath != "sitemap.xml").ToList();
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Bytes.Length <= limit, $"{p.RelativePath} has {p.Bytes.Length} bytes"));

        // Cut as late as possible: the next part's first line would not have fitted in the first part.
        var nextLine = System.Text.Encoding.UTF8.GetString(parts[1].Bytes).Split('\n').First(l => l.StartsWith("<url>", StringComparison.Ordinal));
        Assert.True(parts[0].Bytes.Length + System.Text.Encoding.UTF8.GetByteCount(nextLine + "\n") > limit);
        Assert.Equal(100, parts.Sum(p => Parse(p).Root!.Elements(Ns + "url").Count()));
    }

    [Fact]
    public void A_sitemap_of_exactly_the_byte_limit_stays_whole_and_one_byte_more_is_cut()
    {
        var urls = Urls(100);
        var whole = Assert.Single(new SitemapWriter().Write(urls, Absolute)).Bytes;

        var atLimit = new SitemapWriter(maxUrls: 50_000, maxBytes: whole.Length).Write(urls, Absolute);
        var overLimit = new SitemapWriter(maxUrls: 50_000, maxBytes: whole.Length - 1).Write(urls, Absolute);

        Assert.Equal(whole, Assert.Single(atLimit).Bytes);
        Assert.Equal(["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"], overLimit.Select(f => f.RelativePath));
    }

    [Fact]
    public void Every_url_has_an_absolute_loc_and_a_w3c_lastmod()
    {
        var file = Assert.Single(new SitemapWriter().Write(Urls(3), Absolute));
        var text = System.Text.Encoding.UTF8.GetString(file.Bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n", text, StringComparison.Ordinal);
        foreach (var url in Parse(file).Root!.Elements(Ns + "url"))
        {
            Assert.True(Uri.TryCreate(url.Element(Ns + "loc")!.Value, UriKind.Absolute, out var loc) && loc.Scheme == "https");
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$", url.Element(Ns + "lastmod")!.Value);
        }
    }

    private static List<SitemapUrl> Urls(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SitemapUrl(
            string.Create(CultureInfo.InvariantCulture, $"https://news.example/page-{i}/"), Start.AddMinutes(i)))];

    private static string Absolute(string route) => "https://news.example" + route;

    private static XDocument Parse(SitemapFile file)
    {
        using var stream = new MemoryStream(file.Bytes);
        return XDocument.Load(stream);
    }
}
