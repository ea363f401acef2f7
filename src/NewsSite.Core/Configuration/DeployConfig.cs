namespace NewsSite.Configuration;

/// <summary>
/// Where <c>newssite deploy</c> publishes the built site (<c>deploy:</c> in site.yaml): an S3 bucket, or a bucket of
/// an S3-compatible service at <see cref="Endpoint"/>. Credentials never come from here: the standard AWS
/// environment variables or profile supply them.
/// </summary>
public sealed record DeployConfig
{
    public required string Bucket { get; init; }

    /// <summary>The bucket's region; for an S3-compatible service, the region its signatures name (R2: auto).</summary>
    public string? Region { get; init; }

    /// <summary>An S3-compatible service's address (MinIO, R2, B2, Spaces); null for AWS S3 itself.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The folder in the bucket the site goes into: empty, or ending in '/' (<c>news/</c>).</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Text files are uploaded compressed and served with <c>Content-Encoding</c>.</summary>
    public DeployCompression Compression { get; init; } = DeployCompression.None;

    public CacheControlConfig CacheControl { get; init; } = new();
}

public enum DeployCompression
{
    None,
    Gzip,
    Brotli,
}

/// <summary>The <c>Cache-Control</c> header of each kind of file.</summary>
public sealed record CacheControlConfig
{
    /// <summary>HTML pages, feeds, sitemaps, the search index and other files whose content changes under one URL.</summary>
    public string Pages { get; init; } = "public, max-age=60";

    /// <summary>Files with their content hash in the name (the theme's <c>assets/style.1a2b3c4d5e.css</c>).</summary>
    public string Fingerprinted { get; init; } = "public, max-age=31536000, immutable";

    /// <summary>Images, fonts and other media: they rarely change, but keep their name when they do.</summary>
    public string Media { get; init; } = "public, max-age=86400";
}
