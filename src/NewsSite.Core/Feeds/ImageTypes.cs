namespace NewsSite.Feeds;

/// <summary>The media type of an image from its file extension (enclosures and media elements name it).</summary>
internal static class ImageTypes
{
    public static string? Of(string path)
    {
        var end = path.IndexOfAny(['?', '#']);
        var extension = Path.GetExtension(end < 0 ? path : path[..end]).ToLowerInvariant();
        return extension switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".avif" => "image/avif",
            ".svg" => "image/svg+xml",
            _ => null,
        };
    }
}
