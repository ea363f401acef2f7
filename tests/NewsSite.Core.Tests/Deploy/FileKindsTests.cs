using System.Text;
using NewsSite.Configuration;
using NewsSite.Deploy;

namespace NewsSite.Tests.Deploy;

public sealed class FileKindsTests
{
    [Theory]
    [InlineData("world/index.html", "", "text/html; charset=utf-8")]
    [InlineData("assets/style.1a2b3c4d5e.css", "", "text/css; charset=utf-8")]
    [InlineData("assets/search.1a2b3c4d5e.js", "", "text/javascript; charset=utf-8")]
    [InlineData("index.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>", "application/rss+xml")]
    [InlineData("world/atom.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "application/atom+xml")]
    [InlineData("sitemap.xml", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", "application/xml")]
    [InlineData("broken.xml", "<!DOCTYPE x [<!ENTITY a 'b'>]><rss/>", "application/xml")]
    [InlineData("feed.json", "", "application/feed+json")]
    [InlineData("search/data/meta.json", "", "application/json")]
    [InlineData("robots.txt", "", "text/plain; charset=utf-8")]
    [InlineData("media/a.webp", "", "image/webp")]
    [InlineData("media/a.AVIF", "", "image/avif")]
    [InlineData("media/logo.svg", "", "image/svg+xml")]
    [InlineData("fonts/serif.woff2", "", "font/woff2")]
    [InlineData("media/report.pdf", "", "application/pdf")]
    [InlineData("media/unknown.xyz", "", "application/octet-stream")]
    public void Each_file_the_site_writes_gets_its_content_type(string path, string head, string expected)
    {
        Assert.Equal(expected, FileKinds.ContentType(path, () => Encoding.UTF8.GetBytes(head)));
    }

    [Theory]
    [InlineData("assets/style.1a2b3c4d5e.css", "text/css; charset=utf-8", "fingerprinted")]
    [InlineData("search/data/t/0123456789ab.json", "application/json", "fingerprinted")]
    [InlineData("assets/favicon.svg", "image/svg+xml", "media")]
    [InlineData("media/style.1a2b3c4d5e.css", "text/css; charset=utf-8", "pages")]
    [InlineData("search/data/meta.json", "application/json", "pages")]
    [InlineData("index.html", "text/html; charset=utf-8", "pages")]
    [InlineData("index.xml", "application/rss+xml", "pages")]
    [InlineData("media/photo.jpg", "image/jpeg", "media")]
    [InlineData("media/photo.1a2b3c4d-800.webp", "image/webp", "fingerprinted")]
    [InlineData("media/photo.1a2b3c4d-1200x630-50-30.jpg", "image/jpeg", "fingerprinted")]
    [InlineData("media/photo-800.webp", "image/webp", "media")]
    public void Only_names_with_their_content_hash_are_cached_for_ever(string path, string contentType, string kind)
    {
        var config = new CacheControlConfig { Pages = "pages", Fingerprinted = "fingerprinted", Media = "media" };
        Assert.Equal(kind, FileKinds.CacheControl(path, contentType, config));
    }

    [Fact]
    public void Files_are_uploaded_before_the_pages_that_show_them_and_pages_before_the_feeds_that_list_them()
    {
        var config = new CacheControlConfig();
        LocalFile File(string path, string head = "")
        {
            var type = FileKinds.ContentType(path, () => Encoding.UTF8.GetBytes(head));
            return new LocalFile(path, "/nowhere/" + path, 1, "00", type, FileKinds.CacheControl(path, type, config), FileKinds.IsText(type));
        }

        var files = new[]
        {
            File("index.xml", "<rss/>"), File("world/index.html"), File("assets/style.1a2b3c4d5e.css"), File("sitemap.xml", "<urlset/>"),
            File("media/a.webp"), File("search/data/meta.json"), File("search/data/t/0123456789ab.json"), File("feed.json"), File("robots.txt"),
        };

        var waves = files.GroupBy(SiteDeployer.Wave).OrderBy(w => w.Key).Select(w => w.Select(f => f.Path).Order(StringComparer.Ordinal)).ToList();

        Assert.Equal(["assets/style.1a2b3c4d5e.css", "media/a.webp", "search/data/t/0123456789ab.json"], waves[0]);
        Assert.Equal(["world/index.html"], waves[1]);
        Assert.Equal(["feed.json", "index.xml", "robots.txt", "search/data/meta.json", "sitemap.xml"], waves[2]);
    }
}
