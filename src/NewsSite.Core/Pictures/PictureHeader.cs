using NetVips;

namespace NewsSite.Pictures;

/// <summary>What a picture's header says, read without decoding its pixels.</summary>
/// <param name="Width">Upright width: EXIF orientation applied.</param>
/// <param name="Height">Upright height.</param>
internal sealed record PictureHeader(PictureFormat Format, int Width, int Height, int Pages, bool Cmyk, bool SixteenBit, bool HasAlpha)
{
    public bool Animated => Pages > 1;

    public long Pixels => (long)Width * Height * Pages;

    /// <summary>Reads the header, or says in a sentence why the file cannot be used.</summary>
    public static (PictureHeader? Header, string? Problem) Read(byte[] bytes, long maxPixels)
    {
        if (PictureFormats.Sniff(bytes) is not { } format)
        {
            return (null, "is not a JPEG, PNG, GIF or WebP picture (the file's contents say otherwise, whatever its name)");
        }

        try
        {
            // Sequential access reads the header only; the pixels are decoded later, streamed, by the processor.
            using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            if (image.Contains("vips-loader") && image.Get("vips-loader") is string loader && loader != PictureFormats.Loader(format))
            {
                return (null, $"is not a {PictureFormats.Extension(format).ToUpperInvariant()} picture as its first bytes say");
            }

            var pages = image.Contains("n-pages") ? Math.Max(1, (int)image.Get("n-pages")) : 1;
            var orientation = image.Contains("orientation") ? (int)image.Get("orientation") : 1;
            var (width, height) = orientation is >= 5 and <= 8 ? (image.Height, image.Width) : (image.Width, image.Height);
            var header = new PictureHeader(
                format,
                width,
                height,
                format is PictureFormat.Gif or PictureFormat.WebP ? pages : 1,
                image.Interpretation == Enums.Interpretation.Cmyk,
                image.Format is Enums.BandFormat.Ushort or Enums.BandFormat.Short,
                image.HasAlpha());
            if (header.Pixels > maxPixels)
            {
                return (null, $"declares {width:N0}×{height:N0} pixels{(header.Animated ? $" in {pages} frames" : "")}, more than the limit of {maxPixels / 1_000_000} megapixels ('pictures.max_megapixels' in site.yaml); it is not decoded");
            }

            return (header, null);
        }
        catch (VipsException exception)
        {
            return (null, $"cannot be read: the file is damaged or incomplete ({FirstLine(exception.Message)})");
        }
    }

    public static string FirstLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => !l.StartsWith("unable to call", StringComparison.Ordinal)) ?? "libvips gave no reason";
    }
}
