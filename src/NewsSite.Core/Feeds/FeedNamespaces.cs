namespace NewsSite.Feeds;

internal static class FeedNamespaces
{
    public const string Atom = "http://www.w3.org/2005/Atom";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>The generator named in every feed.</summary>
    public const string Generator = "NewsSite";
}
