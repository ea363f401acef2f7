using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsSite.Diagnostics;

namespace NewsSite.Links;

/// <summary>
/// Finds links in the rendered HTML that point inside the site (a relative link, a root path, or an absolute URL
/// under the base URL) but at no file of the output. Each broken target is reported once, at its first
/// occurrence in ordinal page order, so a broken link in a shared template does not bury everything else.
/// </summary>
internal sealed class LinkChecker(Uri baseUrl)
{
    private static readonly string[] LinkAttributes = ["href", "src", "srcset", "poster"];

    /// <param name="outputRoot">The folder that holds the rendered files.</param>
    /// <param name="files">Every output file, relative to <paramref name="outputRoot"/> with '/' separators.</param>
    public IReadOnlyList<Diagnostic> Check(string outputRoot, IEnumerable<string> files)
    {
        var existing = files.ToHashSet(StringComparer.Ordinal);
        var pages = existing.Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
        var found = new IReadOnlyList<BrokenLink>[pages.Length];
        Parallel.For(0, pages.Length, i => found[i] = CheckPage(outputRoot, pages[i], existing));

        // Grouped after the parallel part, in page order, so the result never depends on thread timing.
        return [.. found
            .SelectMany(links => links)
            .GroupBy(link => link.Target, StringComparer.Ordinal)
            .Select(group => ToDiagnostic(group.First(), group.Select(link => link.Page).Distinct(StringComparer.Ordinal).Count() - 1))];
    }

    private IReadOnlyList<BrokenLink> CheckPage(string outputRoot, string page, HashSet<string> existing)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(File.ReadAllText(Path.Combine(outputRoot, page)));
        var pageUrl = new Uri(baseUrl, string.Join('/', page.Split('/').Select(Uri.EscapeDataString)));
        var broken = new List<BrokenLink>();
        foreach (var element in document.All)
        {
            foreach (var name in LinkAttributes)
            {
                if (element.GetAttribute(name) is not { } value)
                {
                    continue;
                }

                foreach (var link in name == "srcset" ? SrcsetUrls(value) : [value.Trim()])
                {
                    if (Resolve(pageUrl, link) is { } target && !Exists(target, existing))
                    {
                        broken.Add(new BrokenLink(page, link, target, $"<{element.LocalName} {name}>", Location(page, element)));
                    }
                }
            }
        }

        return broken;
    }

    /// <summary>The site path (after the base path, unescaped) a link points to, or null when it leaves the site.</summary>
    private string? Resolve(Uri pageUrl, string link)
    {
        if (link.Length == 0 || link.StartsWith('#') || !Uri.TryCreate(pageUrl, link, out var target))
        {
            return null;
        }

        var sameSite = (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
            && string.Equals(target.Host, baseUrl.Host, StringComparison.OrdinalIgnoreCase)
            && target.Port == baseUrl.Port;
        var basePath = baseUrl.AbsolutePath;
        if (!sameSite || !target.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal))
        {
            return null;
        }

        return Uri.UnescapeDataString(target.AbsolutePath[basePath.Length..]);
    }

    /// <summary>A clean URL (<c>world/</c>) is its <c>index.html</c>; a path without the slash is served as the folder too.</summary>
    private static bool Exists(string target, HashSet<string> existing) =>
        target.Length == 0 || target.EndsWith('/')
            ? existing.Contains(target + "index.html")
            : existing.Contains(target) || existing.Contains(target + "/index.html");

    private static IEnumerable<string> SrcsetUrls(string srcset) =>
        srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(candidate => candidate.Split(' ', 2)[0])
            .Where(url => url.Length > 0);

    private static SourceLocation Location(string page, IElement element) =>
        element.SourceReference is { } source
            ? new SourceLocation(page, source.Position.Line, source.Position.Column)
            : SourceLocation.StartOf(page);

    private static Diagnostic ToDiagnostic(BrokenLink link, int otherPages)
    {
        var expected = link.Target.Length == 0 || link.Target.EndsWith('/') ? link.Target + "index.html" : link.Target;
        var elsewhere = otherPages switch
        {
            0 => "",
            1 => " (and on 1 other page)",
            _ => $" (and on {otherPages} other pages)",
        };
        return Diagnostic.Error(
            DiagnosticCodes.BrokenLink,
            $"broken link '{link.Link}' in {link.Attribute}: the site has no file {expected}{elsewhere}",
            link.Location);
    }

    private sealed record BrokenLink(string Page, string Link, string Target, string Attribute, SourceLocation Location);
}
