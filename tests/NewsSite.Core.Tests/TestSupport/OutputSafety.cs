using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsSite.Tests.TestSupport;

/// <summary>
/// Asserts that a built site can run no script that content brought in, whatever the content was. Every HTML
/// page is parsed as a browser would; every JSON-LD block must be JSON; every *.xml and *.json file (feeds, the
/// sitemap, the search index, when a build writes them) must parse, and the HTML they carry (RSS descriptions,
/// content:encoded, Atom type="html" / "xhtml", JSON members named *html) must hold no active content either.
/// The checks are written independently of the generator's own URL policy.
/// </summary>
public static class OutputSafety
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "poster", "data", "background", "xlink:href", "srcset", "cite", "longdesc"];

    private static readonly string[] ActiveElements = ["iframe", "object", "embed", "applet", "base", "form", "frame", "frameset", "svg", "math", "template"];

    /// <param name="embedHosts">Hosts whose https iframes the site allows (<c>markdown.embed_hosts</c>).</param>
    public static void AssertInert(BuiltSite site, params string[] embedHosts)
    {
        foreach (var file in site.Files())
        {
            var path = Path.Combine(site.Output, file);
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                AssertInertDocument(Parser.ParseDocument(File.ReadAllText(path)), file, embedHosts);
            }
            else if (file.EndsWith(".xml", StringComparison.Ordinal) || file.EndsWith(".rss", StringComparison.Ordinal) || file.EndsWith(".atom", StringComparison.Ordinal))
            {
                AssertInertXml(path, file);
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                using var json = ParseJson(File.ReadAllText(path), file);
                AssertInertJson(json.RootElement, file, propertyName: "");
            }
        }
    }

    /// <summary>A whole page: only our own scripts, and nothing from content that acts.</summary>
    public static void AssertInertDocument(IDocument document, string where, IReadOnlyCollection<string> embedHosts)
    {
        foreach (var script in document.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type");
            if (type == "application/ld+json")
            {
                var text = script.TextContent;
                Check(!text.Contains("<!--", StringComparison.Ordinal) && !text.Contains("<script", StringComparison.OrdinalIgnoreCase), where, "JSON-LD holds markup that changes how the script element ends", script);
                using var _ = ParseJson(text, where + " (JSON-LD)");
                continue;
            }

            // A theme may load its own script files; content can never add one (no src from content survives).
            var src = script.GetAttribute("src");
            Check(src is not null && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) && script.TextContent.Length == 0, where, "a script that is neither JSON-LD nor a theme file", script);
        }

        AssertInertElements(document.DocumentElement, where, isFragment: false, embedHosts);
    }

    /// <summary>HTML that a feed or an index carries, parsed as a fragment.</summary>
    public static void AssertInertFragment(string html, string where)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><body>" + html);
        if (document.QuerySelector("script") is { } script)
        {
            Check(false, where, "carried HTML holds a script element", script);
        }

        AssertInertElements(document.Body!, where, isFragment: true, []);
    }

    /// <summary>The theme's own search forms: a plain GET to the site's search page, never from content.</summary>
    private static bool IsThemeSearchForm(IElement element) =>
        element.LocalName == "form"
        && (element.GetAttribute("class") ?? "").StartsWith("search-", StringComparison.Ordinal)
        && string.Equals(element.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase)
        && (element.GetAttribute("action") ?? "").EndsWith("/search/", StringComparison.Ordinal)
        && (element.GetAttribute("action") ?? "").StartsWith('/');

    private static void AssertInertElements(IElement root, string where, bool isFragment, IReadOnlyCollection<string> embedHosts)
    {
        // Messages are built only on failure: serializing a large element for every check would take minutes.
        foreach (var element in root.QuerySelectorAll("*").Prepend(root))
        {
            var name = element.LocalName;
            Check(!ActiveElements.Contains(name, StringComparer.Ordinal) || IsAllowedEmbed(element, embedHosts) || (!isFragment && IsThemeSearchForm(element)), where, "content brought an active element", element);
            Check(!(name == "meta" && element.HasAttribute("http-equiv")), where, "a meta refresh or similar", element);
            Check(!(isFragment && name is "link" or "style" or "meta"), where, "carried HTML holds a head element", element);
            foreach (var attribute in element.Attributes)
            {
                Check(!attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), where, "an event handler", element);
                if (attribute.Name == "style")
                {
                    Check(!StyleRunsScript(attribute.Value), where, "a style that can run script", element);
                }
                else if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    var urls = attribute.Name == "srcset" ? attribute.Value.Split(',') : [attribute.Value];
                    Check(!urls.Any(url => UrlRunsScript(url, allowDataImage: name == "img")), where, "a URL that can run script", element);
                }
            }
        }
    }

    private static bool IsAllowedEmbed(IElement element, IReadOnlyCollection<string> embedHosts) =>
        element.LocalName == "iframe" && !element.HasAttribute("srcdoc")
        && Uri.TryCreate(element.GetAttribute("src"), UriKind.Absolute, out var src) && src.Scheme == "https" && embedHosts.Contains(src.Host);

    private static void Check(bool holds, string where, string problem, IElement element)
    {
        if (!holds)
        {
            var html = element.OuterHtml;
            Assert.Fail($"{where}: {problem}: {(html.Length > 300 ? html[..300] + "…" : html)}");
        }
    }

    private static void AssertInertXml(string path, string file)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        var document = XDocument.Load(reader);
        foreach (var element in document.Descendants())
        {
            Assert.False(element.Name.LocalName.Equals("script", StringComparison.OrdinalIgnoreCase), $"{file}: a script element in XML");
            Assert.DoesNotContain(element.Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) && element.Name.Namespace == XNamespace.Get("http://www.w3.org/1999/xhtml"));
            var type = (string?)element.Attribute("type");
            var carriesHtml = type is "html" or "text/html"
                || element.Name.LocalName == "encoded"
                || (element.Name.LocalName == "description" && element.Parent?.Name.LocalName is "item" or "channel");
            if (carriesHtml)
            {
                AssertInertFragment(element.Value, $"{file} <{element.Name.LocalName}>");
            }
            else if (type is "xhtml")
            {
                AssertInertFragment(string.Concat(element.Nodes().Select(n => n.ToString())), $"{file} <{element.Name.LocalName}>");
            }
        }
    }

    private static void AssertInertJson(JsonElement element, string file, string propertyName)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AssertInertJson(property.Value, file, property.Name);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertInertJson(item, file, propertyName);
                }

                break;
            case JsonValueKind.String when propertyName.EndsWith("html", StringComparison.OrdinalIgnoreCase):
                AssertInertFragment(element.GetString()!, $"{file} \"{propertyName}\"");
                break;
        }
    }

    private static JsonDocument ParseJson(string text, string where)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            Assert.Fail($"{where}: not valid JSON ({exception.Message})");
            throw;
        }
    }

    /// <summary>What a browser would run: javascript:, vbscript:, data: (except data:image/ on an image).</summary>
    private static bool UrlRunsScript(string url, bool allowDataImage)
    {
        var squeezed = Squeeze(url);
        return squeezed.StartsWith("javascript:", StringComparison.Ordinal) || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || (squeezed.StartsWith("data:", StringComparison.Ordinal) && !(allowDataImage && squeezed.StartsWith("data:image/", StringComparison.Ordinal)));
    }

    private static bool StyleRunsScript(string style)
    {
        var squeezed = Squeeze(style);
        return squeezed.Contains("expression(", StringComparison.Ordinal) || squeezed.Contains("javascript:", StringComparison.Ordinal)
            || squeezed.Contains("vbscript:", StringComparison.Ordinal) || squeezed.Contains("behavior:", StringComparison.Ordinal);
    }

    private static string Squeeze(string value) =>
        new string([.. value.Where(ch => !char.IsWhiteSpace(ch) && !char.IsControl(ch))]).ToLowerInvariant();
}
