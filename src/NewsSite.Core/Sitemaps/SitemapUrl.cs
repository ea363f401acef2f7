namespace NewsSite.Sitemaps;

/// <summary>One page in a sitemap: its absolute URL and, when known, its last significant change.</summary>
internal sealed record SitemapUrl(string Location, DateTimeOffset? LastModified);

/// <summary>A file to write: its path relative to the output folder and its bytes.</summary>
internal sealed record SitemapFile(string RelativePath, byte[] Bytes);
