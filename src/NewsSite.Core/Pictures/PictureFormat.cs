namespace NewsSite.Pictures;

/// <summary>The raster formats pictures are read from; anything else under content/ is published as it is.</summary>
internal enum PictureFormat
{
    Jpeg,
    Png,
    Gif,
    WebP,
}

internal static class PictureFormats
{
    /// <summary>By file extension: which files are pictures at all.</summary>
    public static PictureFormat? OfPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => PictureFormat.Jpeg,
        ".png" => PictureFormat.Png,
        ".gif" => PictureFormat.Gif,
        ".webp" => PictureFormat.WebP,
        _ => null,
    };

    /// <summary>By the file's first bytes, so that a file named .jpg is decoded only when it is a JPEG.</summary>
    public static PictureFormat? Sniff(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] => PictureFormat.Jpeg,
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => PictureFormat.Png,
        _ when data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8) => PictureFormat.Gif,
        _ when data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8) => PictureFormat.WebP,
        _ => null,
    };

    public static string Extension(PictureFormat format) => format switch
    {
        PictureFormat.Jpeg => "jpg",
        PictureFormat.Png => "png",
        PictureFormat.Gif => "gif",
        _ => "webp",
    };

    /// <summary>The loader libvips must have chosen for the format we sniffed.</summary>
    public static string Loader(PictureFormat format) => format switch
    {
        PictureFormat.Jpeg => "jpegload_buffer",
        PictureFormat.Png => "pngload_buffer",
        PictureFormat.Gif => "gifload_buffer",
        _ => "webpload_buffer",
    };
}
