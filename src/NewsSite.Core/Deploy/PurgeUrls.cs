namespace NewsSite.Deploy;

/// <summary>
/// The URLs of changed files, for a CDN purge: a page's folder URL (<c>/world/</c>, which is what links and readers
/// use) and its <c>index.html</c>, both under the site's base URL.
/// </summary>
internal static class PurgeUrls
{
    public static IReadOnlyList<string> For(IEnumerable<string> paths, Uri baseUrl)
    {
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
            urls.Add(new Uri(baseUrl, escaped).AbsoluteUri);
            if (path == "index.html" || path.EndsWith("/index.html", StringComparison.Ordinal))
            {
                urls.Add(new Uri(baseUrl, escaped[..^"index.html".Length]).AbsoluteUri);
            }
        }

        return [.. urls];
    }
}
