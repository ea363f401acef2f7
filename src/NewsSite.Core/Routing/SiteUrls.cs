namespace NewsSite.Routing;

/// <summary>Turns site routes into the links pages print (with the base path) and absolute URLs (feeds, SEO).</summary>
/// <param name="baseUrl">The site's <c>base_url</c>; its path is the base path every link starts with.</param>
public sealed class SiteUrls(Uri baseUrl)
{
    private readonly string _basePath = baseUrl.AbsolutePath;
    private readonly string _baseUrl = baseUrl.AbsoluteUri;

    /// <summary><c>/world/</c> -> <c>/news/world/</c> when the site lives under <c>/news/</c>.</summary>
    public string Link(string route) => IsExternal(route) || IsOwnLink(route) ? route : _basePath + route.TrimStart('/');

    public string Absolute(string route) => IsExternal(route) ? route : _baseUrl + route.TrimStart('/');

    /// <summary>
    /// At the site root a route is its own link. Handing back the same string, not an equal copy, matters because
    /// every teaser, search entry and term link holds one.
    /// </summary>
    private bool IsOwnLink(string route) => _basePath == "/" && route.StartsWith('/') && !route.StartsWith("//", StringComparison.Ordinal);

    private static bool IsExternal(string route) =>
        route.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || route.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
