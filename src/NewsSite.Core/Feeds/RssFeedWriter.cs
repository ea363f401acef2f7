using System.Globalization;
using System.Xml;
using NewsSite.Output;
using NewsSite.Time;

namespace NewsSite.Feeds;

/// <summary>
/// Writes RSS 2.0. Authors go in <c>dc:creator</c> (RSS's own <c>author</c> must be an e-mail address), the full
/// body in <c>content:encoded</c>, and the lead image both as an enclosure (when its size is known) and as a
/// Media RSS element, which readers that ignore enclosures still show.
/// </summary>
internal static class RssFeedWriter
{
    public static byte[] Write(FeedChannel feed) => XmlOutput.Write(w =>
    {
        w.WriteStartDocument();
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, FeedNamespaces.Atom);
        w.WriteAttributeString("xmlns", "content", null, FeedNamespaces.Content);
        w.WriteAttributeString("xmlns", "dc", null, FeedNamespaces.DublinCore);
        w.WriteAttributeString("xmlns", "media", null, FeedNamespaces.Media);
        w.WriteStartElement("channel");
        Text(w, "title", feed.Title);
        Text(w, "link", feed.PageUrl);
        // RSS readers take description as HTML: plain text is escaped so a name like "<script>" stays text.
        Text(w, "description", Templates.HtmlText.Escape(feed.Description));
        Text(w, "language", feed.Language);
        Text(w, "lastBuildDate", InternetDates.Rfc822(feed.Updated));
        Text(w, "generator", FeedNamespaces.Generator);
        w.WriteStartElement("atom", "link", FeedNamespaces.Atom);
        w.WriteAttributeString("href", feed.RssUrl);
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("type", FeedLinks.RssType);
        w.WriteEndElement();
        foreach (var item in feed.Items)
        {
            Item(w, item);
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    });

    private static void Item(XmlWriter w, FeedItem item)
    {
        w.WriteStartElement("item");
        Text(w, "title", item.Title);
        Text(w, "link", item.Url);
        w.WriteStartElement("guid");
        w.WriteAttributeString("isPermaLink", "true");
        w.WriteString(item.Url);
        w.WriteEndElement();
        Text(w, "pubDate", InternetDates.Rfc822(item.Published));
        Text(w, "description", Templates.HtmlText.Escape(item.Summary));
        if (item.ContentHtml is { } content)
        {
            w.WriteElementString("content", "encoded", FeedNamespaces.Content, XmlOutput.Clean(content));
        }

        foreach (var author in item.Authors)
        {
            w.WriteElementString("dc", "creator", FeedNamespaces.DublinCore, XmlOutput.Clean(author.Name));
        }

        foreach (var category in item.Categories)
        {
            Text(w, "category", category);
        }

        if (item.Image is { } image)
        {
            if (image is { MimeType: { } type, Length: { } length })
            {
                w.WriteStartElement("enclosure");
                w.WriteAttributeString("url", image.Url);
                w.WriteAttributeString("length", length.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("type", type);
                w.WriteEndElement();
            }

            MediaContent(w, image);
        }

        w.WriteEndElement();
    }

    /// <summary>The Media RSS element for the lead image, shared with the Atom writer.</summary>
    public static void MediaContent(XmlWriter w, FeedImage image)
    {
        w.WriteStartElement("media", "content", FeedNamespaces.Media);
        w.WriteAttributeString("url", image.Url);
        w.WriteAttributeString("medium", "image");
        if (image.MimeType is { } type)
        {
            w.WriteAttributeString("type", type);
        }

        if (image.Length is { } length)
        {
            w.WriteAttributeString("fileSize", length.ToString(CultureInfo.InvariantCulture));
        }

        if (image.Alt.Length > 0)
        {
            w.WriteStartElement("media", "description", FeedNamespaces.Media);
            w.WriteAttributeString("type", "plain");
            w.WriteString(XmlOutput.Clean(image.Alt));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string name, string value) => w.WriteElementString(name, XmlOutput.Clean(value));
}
