namespace NewsSite.Output;

/// <summary>Recognises feed files among the output files, for the build summary.</summary>
internal static class FeedFiles
{
    public static bool IsFeed(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (name.StartsWith("sitemap", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".rss", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".atom", StringComparison.OrdinalIgnoreCase)
            || name.Equals("feed.json", StringComparison.OrdinalIgnoreCase);
    }
}
