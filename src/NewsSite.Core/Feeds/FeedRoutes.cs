namespace NewsSite.Feeds;

/// <summary>
/// Where feeds live: beside the page they follow. <c>/index.xml</c> and <c>/atom.xml</c> for the site,
/// <c>/world/index.xml</c> for a section, <c>/tags/india/atom.xml</c> for a tag; JSON Feed only for the site.
/// </summary>
internal static class FeedRoutes
{
    public const string Json = "/feed.json";

    public static string Rss(string listRoute) => listRoute + "index.xml";

    public static string Atom(string listRoute) => listRoute + "atom.xml";
}
