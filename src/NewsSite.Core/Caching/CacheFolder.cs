namespace NewsSite.Caching;

/// <summary>
/// The hidden folder beside an output folder (<c>.&lt;output&gt;.newssite/</c>) where builds keep what the next
/// build can reuse: the build cache, the lock and the spare tree. Deleting it is always safe.
/// </summary>
public static class CacheFolder
{
    public static string Of(string outputRoot)
    {
        var output = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.newssite");
    }
}
