using System.Globalization;
using System.Xml;
using NewsSite.Output;
using NewsSite.Time;

namespace NewsSite.Feeds;

/// <summary>
/// Writes Atom 1.0 (RFC 4287). The feed's author is the publisher, so every entry has an author even when the
/// article names none; the lead image is an enclosure link and a Media RSS element.
/// </summary>
internal static class AtomFeedWriter
{
    public static byte[] Write(FeedChannel feed) => XmlOutput.Write(w =>
    {
        w.WriteStartDocument();
        w.WriteStartElement("feed", FeedNamespaces.Atom);
        w.WriteAttributeString("xmlns", FeedNamespaces.Atom);
        w.WriteAttributeString("xmlns", "media", null, FeedNamespaces.Media);
        w.WriteAttributeString("xml", "lang", FeedNamespaces.Xml, feed.Language);
        Text(w, "id", feed.AtomUrl);
        Text(w, "title", feed.Title);
        if (feed.Description.Length > 0)
        {
            Text(w, "subtitle", feed.Description);
        }

        Link(w, "self", FeedLinks.AtomType, feed.AtomUrl);
        Link(w, "alternate", "text/html", feed.PageUrl);
        Text(w, "updated", InternetDates.Rfc3339(feed.Updated));
        w.WriteStartElement("author", FeedNamespaces.Atom);
        Text(w, "name", feed.PublisherName);
        Text(w, "uri", feed.PageUrl);
        w.WriteEndElement();
        Text(w, "generator", FeedNamespaces.Generator);
        if (feed.LogoUrl is { } logo)
        {
            Text(w, "logo", logo);
        }

        foreach (var item in feed.Items)
        {
            Entry(w, item);
        }

        w.WriteEndElement();
        w.WriteEndDocument();
    });

    private static void Entry(XmlWriter w, FeedItem item)
    {
        w.WriteStartElement("entry", FeedNamespaces.Atom);
        Text(w, "id", item.Url);
        Text(w, "title", item.Title);
        Link(w, "alternate", "text/html", item.Url);
        Text(w, "published", InternetDates.Rfc3339(item.Published));
        Text(w, "updated", InternetDates.Rfc3339(item.LastChanged));
        foreach (var author in item.Authors)
        {
            w.WriteStartElement("author", FeedNamespaces.Atom);
            Text(w, "name", author.Name);
            Text(w, "uri", author.Url);
            w.WriteEndElement();
        }

        foreach (var category in item.Categories)
        {
            w.WriteStartElement("category", FeedNamespaces.Atom);
            w.WriteAttributeString("term", XmlOutput.Clean(category));
            w.WriteEndElement();
        }

        if (item.Summary.Length > 0)
        {
            w.WriteStartElement("summary", FeedNamespaces.Atom);
            w.WriteAttributeString("type", "text");
            w.WriteString(XmlOutput.Clean(item.Summary));
            w.WriteEndElement();
        }

        if (item.ContentHtml is { } content)
        {
            w.WriteStartElement("content", FeedNamespaces.Atom);
            w.WriteAttributeString("type", "html");
            w.WriteString(XmlOutput.Clean(content));
            w.WriteEndElement();
        }

        if (item.Image is { } image)
        {
            w.WriteStartElement("link", FeedNamespaces.Atom);
            w.WriteAttributeString("rel", "enclosure");
            w.WriteAttributeString("href", image.Url);
            if (image.MimeType is { } type)
            {
                w.WriteAttributeString("type", type);
            }

            if (image.Length is { } length)
            {
                w.WriteAttributeString("length", length.ToString(CultureInfo.InvariantCulture));
            }

            w.WriteEndElement();
            RssFeedWriter.MediaContent(w, image);
        }

        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", FeedNamespaces.Atom);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string name, string value) =>
        w.WriteElementString(name, FeedNamespaces.Atom, XmlOutput.Clean(value));
}
