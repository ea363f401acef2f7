using System.Globalization;
using System.Xml;
using NewsSite.Output;
using NewsSite.Time;

namespace NewsSite.Sitemaps;

/// <summary>
/// Writes <c>sitemap.xml</c> per the sitemaps.org protocol. A sitemap holds at most 50,000 URLs and 50 MB
/// (uncompressed); a longer list is cut into <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c>, ... and
/// <c>sitemap.xml</c> becomes the index that names them.
/// </summary>
internal sealed class SitemapWriter(int maxUrls = SitemapWriter.MaxUrlsPerFile, long maxBytes = SitemapWriter.MaxBytesPerFile)
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string FileName = "sitemap.xml";
    public const int MaxUrlsPerFile = 50_000;
    public const long MaxBytesPerFile = 50L * 1024 * 1024;

    /// <param name="urls">The pages, in the order they should be listed.</param>
    /// <param name="absolute">Turns a route such as <c>/sitemap-1.xml</c> into an absolute URL, for the index.</param>
    public IReadOnlyList<SitemapFile> Write(IReadOnlyList<SitemapUrl> urls, Func<string, string> absolute)
    {
        // Most sites fit in one file: it is written once, and measured URL by URL only when it is too big.
        if (urls.Count <= maxUrls && Part(urls) is { } whole && whole.Length <= maxBytes)
        {
            return [new SitemapFile(FileName, whole)];
        }

        var parts = Split(urls);
        if (parts.Count == 1)
        {
            return [new SitemapFile(FileName, Part(parts[0]))];
        }

        var files = new List<SitemapFile>(parts.Count + 1);
        var index = new List<SitemapUrl>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"sitemap-{i + 1}.xml");
            files.Add(new SitemapFile(name, Part(parts[i])));
            index.Add(new SitemapUrl(absolute("/" + name), parts[i].Max(u => u.LastModified)));
        }

        files.Add(new SitemapFile(FileName, Index(index)));
        return files;
    }

    /// <summary>Cuts the list where a part would exceed either limit, measuring each URL as it will be written.</summary>
    private List<List<SitemapUrl>> Split(IReadOnlyList<SitemapUrl> urls)
    {
        // An empty part is exactly the declaration, the opening tag and the footer.
        long empty = Part([]).Length;
        using var scratch = new MemoryStream();
        using var measure = XmlWriter.Create(scratch, XmlOutput.Settings(indent: false, ConformanceLevel.Fragment));
        var parts = new List<List<SitemapUrl>> { new() };
        var size = empty;
        foreach (var url in urls)
        {
            WriteUrl(measure, url, "");
            measure.WriteWhitespace("\n");
            measure.Flush();
            var bytes = scratch.Length;

            // Emptied after each line, so that it holds one URL rather than every part together.
            scratch.SetLength(0);
            if (parts[^1].Count > 0 && (parts[^1].Count >= maxUrls || size + bytes > maxBytes))
            {
                parts.Add([]);
                size = empty;
            }

            parts[^1].Add(url);
            size += bytes;
        }

        return parts;
    }

    private static byte[] Part(IReadOnlyList<SitemapUrl> urls) => XmlOutput.Write(
        w =>
        {
            w.WriteStartDocument();
            w.WriteWhitespace("\n");
            w.WriteStartElement("urlset", Namespace);
            w.WriteWhitespace("\n");
            foreach (var url in urls)
            {
                WriteUrl(w, url, Namespace);
                w.WriteWhitespace("\n");
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        },
        indent: false);

    private static byte[] Index(IReadOnlyList<SitemapUrl> parts) => XmlOutput.Write(
        w =>
        {
            w.WriteStartDocument();
            w.WriteWhitespace("\n");
            w.WriteStartElement("sitemapindex", Namespace);
            w.WriteWhitespace("\n");
            foreach (var part in parts)
            {
                w.WriteStartElement("sitemap", Namespace);
                w.WriteElementString("loc", Namespace, part.Location);
                if (part.LastModified is { } modified)
                {
                    w.WriteElementString("lastmod", Namespace, InternetDates.Rfc3339(modified));
                }

                w.WriteEndElement();
                w.WriteWhitespace("\n");
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        },
        indent: false);

    /// <summary>One <c>&lt;url&gt;</c> per line, so a part's size is the sum of its lines.</summary>
    private static void WriteUrl(XmlWriter w, SitemapUrl url, string ns)
    {
        w.WriteStartElement("url", ns);
        w.WriteElementString("loc", ns, XmlOutput.Clean(url.Location));
        if (url.LastModified is { } modified)
        {
            w.WriteElementString("lastmod", ns, InternetDates.Rfc3339(modified));
        }

        w.WriteEndElement();
    }
}
