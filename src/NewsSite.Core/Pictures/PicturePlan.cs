using NewsSite.FrontMatter;
using System.Globalization;
using NewsSite.Configuration;
using NewsSite.Model;

namespace NewsSite.Pictures;

/// <summary>
/// Which files a picture is published as, decided from its header alone, so that the markup and the check for
/// files kept from the last build need no pixel. Names carry the picture's stamp (its bytes and the processing
/// parameters), so a changed picture gets new URLs and CDNs may cache every copy forever.
/// </summary>
internal static class PicturePlan
{
    public static readonly IReadOnlyDictionary<CropShape, (int Width, int Height)> CropSizes = new Dictionary<CropShape, (int, int)>
    {
        [CropShape.Social] = (1200, 630),
        [CropShape.Wide] = (1200, 675),
        [CropShape.Standard] = (1200, 900),
        [CropShape.Square] = (1200, 1200),
    };

    /// <param name="route">The source's site path, <c>/media/x.jpg</c>.</param>
    /// <param name="stamp">Hex digits that change with the source's bytes and the processing parameters.</param>
    /// <param name="foci">The focal points of the articles that lead with this picture (their crops).</param>
    public static Picture For(string route, PictureHeader header, string stamp, PicturesConfig settings, IEnumerable<ImageFocus> foci)
    {
        var picture = new Picture(route, header.Width, header.Height);
        if (header.Animated || header.Width < settings.Widths[0])
        {
            return picture;
        }

        var stem = route[..route.LastIndexOf('.')] + "." + stamp[..8].ToLowerInvariant();
        var widths = settings.Widths.Where(w => w < header.Width).ToList();
        if (widths.Count < settings.Widths.Count)
        {
            widths.Add(header.Width);
        }

        var fallback = FallbackFormat(header);
        var crops = new Dictionary<(CropShape, ImageFocus), PictureFile>();
        foreach (var focus in foci.Distinct())
        {
            foreach (var (shape, (width, height)) in CropSizes)
            {
                var fits = header.Width >= width && header.Height >= height;

                // Sharing previews take a smaller crop of a small picture; search engines want 1200 px or none.
                if (!fits && shape != CropShape.Social)
                {
                    continue;
                }

                var scale = fits ? 1 : Math.Min((double)header.Width / width, (double)header.Height / height);
                var (w, h) = ((int)Math.Floor(width * scale), (int)Math.Floor(height * scale));
                var name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{w}x{h}-{Percent(focus.X)}-{Percent(focus.Y)}.jpg");
                crops[(shape, focus)] = new PictureFile(name, PictureFileFormat.Jpeg, w, h);
            }
        }

        return picture with
        {
            WebP = [.. widths.Select(w => Resized(stem, header, w, PictureFileFormat.WebP))],
            Fallback = [.. widths.Select(w => Resized(stem, header, w, fallback))],
            Crops = crops,
        };
    }

    /// <summary>JPEG for photographs; PNG keeps transparency and the sharp edges of screenshots and graphics.</summary>
    private static PictureFileFormat FallbackFormat(PictureHeader header) =>
        header.Format is PictureFormat.Png or PictureFormat.Gif || header.HasAlpha ? PictureFileFormat.Png : PictureFileFormat.Jpeg;

    private static PictureFile Resized(string stem, PictureHeader header, int width, PictureFileFormat format) => new(
        string.Create(CultureInfo.InvariantCulture, $"{stem}-{width}.{Extension(format)}"),
        format,
        width,
        Math.Max(1, (int)Math.Round((double)header.Height * width / header.Width)));

    public static string Extension(PictureFileFormat format) => format switch
    {
        PictureFileFormat.Jpeg => "jpg",
        PictureFileFormat.Png => "png",
        PictureFileFormat.Gif => "gif",
        _ => "webp",
    };

    private static int Percent(double fraction) => (int)Math.Round(fraction * 100);
}
