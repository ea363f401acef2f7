using NewsSite.FrontMatter;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using NewsSite.Model;
using NewsSite.Pictures;
using NewsSite.Templates;

namespace NewsSite.Seo;

/// <summary>
/// The metadata a page's head carries for search engines and social previews: Open Graph, Twitter card and,
/// on articles, NewsArticle and BreadcrumbList JSON-LD.
/// </summary>
public sealed class HeadBuilder(ViewFactory views, NewsSite.Markdown.MarkdownRenderer markdown)
{
    // JavaScriptEncoder always escapes the HTML-sensitive characters (< > & ' ") as \u003C..., so no content can
    // close the script element or open a comment in it; letters of every script stay readable.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public RawHtml ForPage(PageView page, string? imageUrl, string ogType = "website")
    {
        var head = new StringBuilder();
        OpenGraph(head, page, ogType, imageUrl);
        return new RawHtml(head.ToString());
    }

    public RawHtml ForArticle(PageView page, Entry entry, ArticleView article)
    {
        var site = views.Site.Config;
        var urls = views.Urls;
        var picture = entry.ImageUrl is { } route ? views.Pictures.Find(route) : null;
        var focus = entry.Article.Image?.Focus ?? ImageFocus.Centre;
        var social = picture?.Crop(CropShape.Social, focus);
        var imageUrl = social is not null ? urls.Absolute(social.Route) : entry.ImageUrl is { } image ? urls.Absolute(image) : null;
        var logoUrl = site.Publisher?.Logo is { } logo ? urls.Absolute(logo) : null;
        var head = new StringBuilder();
        OpenGraph(head, page, "article", imageUrl, entry.Article.Image?.Alt, social);
        Meta(head, "property", "article:published_time", article.Date.Iso);
        if (article.Updated is { } updated)
        {
            Meta(head, "property", "article:modified_time", updated.Iso);
        }

        if (entry.Section is { } section)
        {
            Meta(head, "property", "article:section", section.Name);
        }

        foreach (var tag in entry.Tags)
        {
            Meta(head, "property", "article:tag", tag.Name);
        }

        var newsArticle = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = entry.Article.Headline,
            ["description"] = views.Summary(entry),
            ["datePublished"] = article.Date.Iso,
            ["dateModified"] = (article.Updated ?? article.Date).Iso,
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = page.Canonical },
            ["url"] = page.Canonical,
            ["inLanguage"] = site.Language,
        };
        var publisherName = site.Publisher?.Name ?? site.Title;

        // An article without a byline is the newsroom's own: Google asks for an author either way.
        newsArticle["author"] = entry.Authors.Count > 0
            ? new JsonArray([.. entry.Authors.Select(a => (JsonNode)Person(a))])
            : new JsonArray(new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = publisherName, ["url"] = urls.Absolute("/") });

        var publisher = new JsonObject { ["@type"] = "NewsMediaOrganization", ["name"] = publisherName, ["url"] = urls.Absolute("/") };
        if (logoUrl is not null)
        {
            publisher["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = logoUrl };
        }

        newsArticle["publisher"] = publisher;

        // Google asks news articles for 16:9, 4:3 and 1:1 pictures at least 1200 px wide: the crops the source
        // allows; failing those the lead image, then the publisher's logo, so the article still has an image.
        var crops = picture is null ? [] : new[] { CropShape.Wide, CropShape.Standard, CropShape.Square }
            .Select(shape => picture.Crop(shape, focus)).OfType<PictureFile>().Select(c => (JsonNode)urls.Absolute(c.Route)).ToArray();
        var largest = picture?.Fallback.Count > 0 ? urls.Absolute(picture.Fallback[^1].Route) : entry.ImageUrl is { } lead ? urls.Absolute(lead) : null;
        if (crops.Length > 0)
        {
            newsArticle["image"] = new JsonArray(crops);
        }
        else if ((largest ?? logoUrl) is { } articleImage)
        {
            newsArticle["image"] = new JsonArray(articleImage);
        }

        if (entry.Section is { } articleSection)
        {
            newsArticle["articleSection"] = articleSection.Name;
        }

        if (entry.Tags.Count > 0)
        {
            newsArticle["keywords"] = new JsonArray([.. entry.Tags.Select(t => (JsonNode)t.Name)]);
        }

        if (entry.Article.Corrections.Count > 0)
        {
            newsArticle["correction"] = new JsonArray([.. entry.Article.Corrections.Zip(article.Corrections, (c, view) => (JsonNode)new JsonObject
            {
                ["@type"] = "CorrectionComment",
                ["text"] = markdown.InlineText(c.Text),
                ["datePublished"] = view.Date.Iso,
            })]);
        }

        JsonLd(head, newsArticle);

        var crumbs = new JsonArray();
        var position = 1;
        foreach (var crumb in page.Breadcrumb)
        {
            crumbs.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = position++,
                ["name"] = crumb.Name,
                ["item"] = urls.Absolute(crumb.Url.StartsWith(site.BasePath, StringComparison.Ordinal) ? "/" + crumb.Url[site.BasePath.Length..] : crumb.Url),
            });
        }

        crumbs.Add(new JsonObject { ["@type"] = "ListItem", ["position"] = position, ["name"] = entry.Article.Headline, ["item"] = page.Canonical });
        JsonLd(head, new JsonObject { ["@context"] = "https://schema.org", ["@type"] = "BreadcrumbList", ["itemListElement"] = crumbs });
        return new RawHtml(head.ToString());
    }

    /// <summary>An author as a schema.org Person: with a bio, photo and profiles when site.yaml gives them.</summary>
    private JsonObject Person(Term author)
    {
        var urls = views.Urls;
        var person = new JsonObject { ["@type"] = "Person", ["name"] = author.Name, ["url"] = urls.Absolute(author.Route) };
        if (views.Profile(author) is not { } profile)
        {
            return person;
        }

        if (profile.Bio is { } bio)
        {
            person["description"] = bio;
        }

        if (profile.Photo is { } photo)
        {
            person["image"] = urls.Absolute(photo);
        }

        var profiles = profile.Links.Select(l => l.Url).Where(u => u.StartsWith("http", StringComparison.OrdinalIgnoreCase)).Select(u => (JsonNode)u).ToArray();
        if (profiles.Length > 0)
        {
            person["sameAs"] = new JsonArray(profiles);
        }

        return person;
    }

    private void OpenGraph(StringBuilder head, PageView page, string ogType, string? imageUrl, string? imageAlt = null, PictureFile? image = null)
    {
        var site = views.Site.Config;
        Meta(head, "property", "og:type", ogType);
        Meta(head, "property", "og:site_name", site.Title);
        Meta(head, "property", "og:title", page.Title);
        Meta(head, "property", "og:url", page.Canonical);
        Meta(head, "property", "og:locale", site.Language.Replace('-', '_'));
        if (page.Description.Length > 0)
        {
            Meta(head, "property", "og:description", page.Description);
        }

        Meta(head, "name", "twitter:card", imageUrl is null ? "summary" : "summary_large_image");
        Meta(head, "name", "twitter:title", page.Title);
        if (page.Description.Length > 0)
        {
            Meta(head, "name", "twitter:description", page.Description);
        }

        if (imageUrl is not null)
        {
            Meta(head, "property", "og:image", imageUrl);
            Meta(head, "name", "twitter:image", imageUrl);
            if (image is not null)
            {
                Meta(head, "property", "og:image:width", image.Width.ToString(CultureInfo.InvariantCulture));
                Meta(head, "property", "og:image:height", image.Height.ToString(CultureInfo.InvariantCulture));
            }
            if (!string.IsNullOrEmpty(imageAlt))
            {
                Meta(head, "property", "og:image:alt", imageAlt);
                Meta(head, "name", "twitter:image:alt", imageAlt);
            }
        }
    }

    private static void Meta(StringBuilder head, string attribute, string name, string content) =>
        head.Append("<meta ").Append(attribute).Append("=\"").Append(HtmlText.Escape(name)).Append("\" content=\"")
            .Append(HtmlText.Escape(content)).Append("\">\n");

    private static void JsonLd(StringBuilder head, JsonObject data) =>
        head.Append("<script type=\"application/ld+json\">").Append(data.ToJsonString(JsonOptions)).Append("</script>\n");
}
