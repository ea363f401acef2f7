using System.Text.RegularExpressions;
using System.Xml;
using NewsSite.Configuration;

namespace NewsSite.Deploy;

/// <summary>
/// The Content-Type and Cache-Control of each file the site writes, from its name (and, for XML, its root element:
/// an RSS feed, an Atom feed and a sitemap all end in .xml).
/// </summary>
internal static partial class FileKinds
{
    private const string Utf8 = "; charset=utf-8";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html" + Utf8,
        [".htm"] = "text/html" + Utf8,
        [".css"] = "text/css" + Utf8,
        [".js"] = "text/javascript" + Utf8,
        [".mjs"] = "text/javascript" + Utf8,
        [".json"] = "application/json",
        [".map"] = "application/json",
        [".webmanifest"] = "application/manifest+json",
        [".txt"] = "text/plain" + Utf8,
        [".csv"] = "text/csv" + Utf8,
        [".md"] = "text/markdown" + Utf8,
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/vnd.microsoft.icon",
        [".bmp"] = "image/bmp",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".ttf"] = "font/ttf",
        [".otf"] = "font/otf",
        [".pdf"] = "application/pdf",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".mp3"] = "audio/mpeg",
        [".ogg"] = "audio/ogg",
        [".wasm"] = "application/wasm",
    };

    /// <summary>Types worth compressing: text, and the text formats of feeds, data and vector images.</summary>
    public static bool IsText(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal)
        || contentType.StartsWith("application/json", StringComparison.Ordinal)
        || contentType.StartsWith("application/feed+json", StringComparison.Ordinal)
        || contentType.StartsWith("application/manifest+json", StringComparison.Ordinal)
        || contentType.StartsWith("application/xml", StringComparison.Ordinal)
        || contentType.StartsWith("application/rss+xml", StringComparison.Ordinal)
        || contentType.StartsWith("application/atom+xml", StringComparison.Ordinal)
        || contentType == "image/svg+xml";

    /// <param name="key">The file's path in the output, with '/' separators.</param>
    /// <param name="readHead">The first bytes of the file, read only for XML.</param>
    public static string ContentType(string key, Func<byte[]> readHead)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        if (name.Equals("feed.json", StringComparison.OrdinalIgnoreCase))
        {
            return "application/feed+json";
        }

        var extension = Path.GetExtension(name);
        if (extension.Equals(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return XmlType(readHead());
        }

        return ByExtension.TryGetValue(extension, out var type) ? type : "application/octet-stream";
    }

    public static string CacheControl(string key, string contentType, CacheControlConfig config) =>
        IsFingerprinted(key) ? config.Fingerprinted
        : IsText(contentType) && contentType != "image/svg+xml" ? config.Pages
        : config.Media;

    /// <summary>
    /// Names that change whenever the bytes do: the theme's stylesheets and scripts
    /// (<c>assets/style.1a2b3c4d5e.css</c>, see ThemeAssets) and the search index's chunk files, named by a hash
    /// of their content. Only these may be cached for ever.
    /// </summary>
    public static bool IsFingerprinted(string key) => ThemeAsset().IsMatch(key) || SearchChunk().IsMatch(key) || PictureCopy().IsMatch(key);

    private static string XmlType(byte[] head)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(head), settings);
            if (reader.MoveToContent() == XmlNodeType.Element)
            {
                return (reader.LocalName, reader.NamespaceURI) switch
                {
                    ("rss", _) => "application/rss+xml",
                    ("feed", "http://www.w3.org/2005/Atom") => "application/atom+xml",
                    _ => "application/xml",
                };
            }
        }
        catch (XmlException)
        {
            // Not XML we can read the start of: served as XML all the same.
        }

        return "application/xml";
    }

    [GeneratedRegex(@"^assets/([^/]+/)*[^/]+\.[0-9a-f]{10}\.(css|js)$")]
    private static partial Regex ThemeAsset();

    [GeneratedRegex(@"^search/data/t/[0-9a-f]{12}\.json$")]
    private static partial Regex SearchChunk();

    /// <summary>A picture's resized copy or crop: <c>media/x.1a2b3c4d-800.webp</c>, <c>media/x.1a2b3c4d-1200x630-50-50.jpg</c>.</summary>
    [GeneratedRegex(@"\.[0-9a-f]{8}-[0-9]+(x[0-9]+-[0-9]+-[0-9]+)?\.(webp|jpg|png)$")]
    private static partial Regex PictureCopy();
}
