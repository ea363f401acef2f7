using AngleSharp.Html.Parser;

namespace NewsSite.Tests.TestSupport;

/// <summary>Follows every internal href, src and form action of a built site, from the home page, like a reader would.</summary>
public sealed class SiteCrawler(BuiltSite site, string basePath = "/")
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Pages reached from the home page (output-relative file paths).</summary>
    public HashSet<string> Reached { get; } = new(StringComparer.Ordinal);

    /// <summary>Links whose target is not in the output: (page, href).</summary>
    public List<(string Page, string Href)> Broken { get; } = [];

    public SiteCrawler Crawl(params string[] startFiles)
    {
        var queue = new Queue<string>(startFiles.Length == 0 ? ["index.html"] : startFiles);
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            if (!Reached.Add(file) || !file.EndsWith(".html", StringComparison.Ordinal))
            {
                continue;
            }

            var document = Parser.ParseDocument(site.Text(file));
            // A GET form (the masthead's search box) is a way to a page, as a link is.
            var targets = document.QuerySelectorAll("[href], [src], form[action]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action")!)
                .Where(IsInternal);
            foreach (var href in targets)
            {
                var target = ToFile(href);
                if (target is null || !site.Exists(target))
                {
                    Broken.Add((file, href));
                }
                else
                {
                    queue.Enqueue(target);
                }
            }
        }

        return this;
    }

    private bool IsInternal(string href) => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal);

    private string? ToFile(string href)
    {
        var path = href.Split('#', '?')[0];
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return null;
        }

        path = Uri.UnescapeDataString(path[basePath.Length..]);
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
