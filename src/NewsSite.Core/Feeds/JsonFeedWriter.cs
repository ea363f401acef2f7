using System.Text.Encodings.Web;
using System.Text.Json;
using NewsSite.Time;

namespace NewsSite.Feeds;

/// <summary>Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1), indented, with '\n' newlines.</summary>
internal static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",

        // A file of its own, never inside HTML: letters of any script are written as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(FeedChannel feed)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("version", Version);
            w.WriteString("title", feed.Title);
            w.WriteString("home_page_url", feed.PageUrl);
            w.WriteString("feed_url", feed.JsonUrl);
            if (feed.Description.Length > 0)
            {
                w.WriteString("description", feed.Description);
            }

            w.WriteString("language", feed.Language);
            if (feed.LogoUrl is { } logo)
            {
                w.WriteString("icon", logo);
            }

            w.WriteStartArray("authors");
            Person(w, feed.PublisherName, feed.PageUrl);
            w.WriteEndArray();
            w.WriteStartArray("items");
            foreach (var item in feed.Items)
            {
                Item(w, item);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Item(Utf8JsonWriter w, FeedItem item)
    {
        w.WriteStartObject();
        w.WriteString("id", item.Url);
        w.WriteString("url", item.Url);
        w.WriteString("title", item.Title);
        if (item.Summary.Length > 0)
        {
            w.WriteString("summary", item.Summary);
        }

        // Every item needs content_html or content_text; the summary stands in when the body is not published.
        if (item.ContentHtml is { } html)
        {
            w.WriteString("content_html", html);
        }
        else
        {
            w.WriteString("content_text", item.Summary);
        }

        if (item.Image is { } image)
        {
            w.WriteString("image", image.Url);
        }

        w.WriteString("date_published", InternetDates.Rfc3339(item.Published));
        if (item.Updated is { } updated)
        {
            w.WriteString("date_modified", InternetDates.Rfc3339(updated));
        }

        if (item.Authors.Count > 0)
        {
            w.WriteStartArray("authors");
            foreach (var author in item.Authors)
            {
                Person(w, author.Name, author.Url);
            }

            w.WriteEndArray();
        }

        if (item.Categories.Count > 0)
        {
            w.WriteStartArray("tags");
            foreach (var category in item.Categories)
            {
                w.WriteStringValue(category);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Person(Utf8JsonWriter w, string name, string url)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("url", url);
        w.WriteEndObject();
    }
}
