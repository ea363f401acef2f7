using NewsSite.FrontMatter;
using NetVips;
using NewsSite.Configuration;

namespace NewsSite.Pictures;

/// <summary>
/// Decodes a picture and encodes the files its plan lists: upright (EXIF orientation applied to the pixels), in
/// sRGB at 8 bits per channel, and with no metadata but the colour profile and the EXIF fields site.yaml keeps.
/// JPEGs are shrunk while they are decoded and every pipeline streams, so a worker holds a few strips of the
/// source, not the whole of it. Every image is disposed as soon as it is used: libvips memory is invisible to the
/// garbage collector, which would otherwise let it pile up.
/// </summary>
internal sealed class PictureProcessor(PicturesConfig settings)
{
    /// <summary>Larger than any width we resize to: thumbnails are bounded by width alone.</summary>
    private const int Unbounded = 10_000_000;

    private readonly Enums.ForeignKeep _keep = settings.KeepMetadata.Count == 0 ? Enums.ForeignKeep.Icc : Enums.ForeignKeep.Icc | Enums.ForeignKeep.Exif;

    /// <summary>The cleaned full-size copy, published at the source's own URL.</summary>
    public byte[] Original(byte[] bytes, PictureHeader header)
    {
        if (header.Animated)
        {
            // Every frame, without the comments and XMP a GIF or WebP may carry.
            using var frames = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated, kwargs: new VOption { { "n", -1 } });
            return header.Format == PictureFormat.Gif
                ? frames.GifsaveBuffer(keep: Enums.ForeignKeep.None)
                : frames.WebpsaveBuffer(q: settings.Quality, keep: Enums.ForeignKeep.None);
        }

        // Baseline JPEG: progressive or optimised coding holds the whole picture's coefficients in memory, some
        // 100 MB for a 16-megapixel photo, where a baseline JPEG streams. The resized copies are small enough.
        using var image = Upright(bytes, header.Width, header.Height);
        return header.Format switch
        {
            PictureFormat.Jpeg => image.JpegsaveBuffer(q: 90, keep: _keep),
            PictureFormat.WebP => Encode(image, PictureFileFormat.WebP, quality: 90),
            _ => Encode(image, PictureFileFormat.Png, quality: 90),
        };
    }

    /// <summary>The resized copies, all made from one decode at the largest width.</summary>
    public IEnumerable<(PictureFile File, byte[] Bytes)> Resized(byte[] bytes, Picture picture)
    {
        if (!picture.Resized)
        {
            yield break;
        }

        var widest = picture.Fallback[^1].Width;
        using var decoded = Upright(bytes, widest, Unbounded);
        using var largest = decoded.CopyMemory();
        foreach (var file in picture.WebP.Concat(picture.Fallback))
        {
            using var sized = file.Width >= largest.Width ? largest.Copy() : largest.ThumbnailImage(file.Width, height: Unbounded, size: Enums.Size.Down);
            yield return (file, Encode(sized, file.Format, settings.Quality));
        }
    }

    /// <summary>A crop of <paramref name="file"/>'s size, scaled to cover it and placed around the focal point.</summary>
    public byte[] Crop(byte[] bytes, Picture picture, PictureFile file, FrontMatter.ImageFocus focus)
    {
        var scale = Math.Max((double)file.Width / picture.Width, (double)file.Height / picture.Height);

        // One pixel over, so that rounding never leaves the scaled picture short of the crop.
        var width = Math.Min(picture.Width, (int)Math.Ceiling(picture.Width * scale) + 1);
        using var scaled = Upright(bytes, width, Unbounded);
        var (w, h) = (Math.Min(file.Width, scaled.Width), Math.Min(file.Height, scaled.Height));
        var left = Math.Clamp((int)Math.Round((focus.X * scaled.Width) - (w / 2.0)), 0, scaled.Width - w);
        var top = Math.Clamp((int)Math.Round((focus.Y * scaled.Height) - (h / 2.0)), 0, scaled.Height - h);
        using var cropped = scaled.Crop(left, top, w, h);
        using var flat = cropped.HasAlpha() ? cropped.Flatten(background: [255, 255, 255]) : cropped.Copy();
        return Encode(flat, PictureFileFormat.Jpeg, settings.Quality);
    }

    /// <summary>
    /// Decoded to fit <paramref name="width"/>×<paramref name="height"/> (never enlarged), turned upright, in sRGB
    /// at 8 bits: the thumbnail operation shrinks JPEGs on load and converts CMYK with its built-in profile.
    /// </summary>
    private Image Upright(byte[] bytes, int width, int height)
    {
        var image = Image.ThumbnailBuffer(bytes, width, optionString: "fail_on=truncated", height: height, size: Enums.Size.Down);
        if (image.Format is not Enums.BandFormat.Uchar || image.Interpretation is not (Enums.Interpretation.Srgb or Enums.Interpretation.Bw))
        {
            var grey = image.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16;
            var converted = image.Colourspace(grey ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb);
            image.Dispose();
            image = converted;
            if (converted.Format != Enums.BandFormat.Uchar)
            {
                image = converted.Cast(Enums.BandFormat.Uchar);
                converted.Dispose();
            }
        }

        return settings.KeepMetadata.Count == 0 ? image : KeepOnly(image);
    }

    /// <summary>Drops every EXIF field but the kept ones; libvips rebuilds the EXIF block from the fields left.</summary>
    private Image KeepOnly(Image image)
    {
        var kept = image.Mutate(m =>
        {
            foreach (var field in m.GetFields())
            {
                if (field.StartsWith("exif-", StringComparison.Ordinal) && field != "exif-data" && !settings.KeepMetadata.Contains(field))
                {
                    m.Remove(field);
                }
            }
        });
        image.Dispose();
        return kept;
    }

    private byte[] Encode(Image image, PictureFileFormat format, int quality) => format switch
    {
        PictureFileFormat.WebP => image.WebpsaveBuffer(q: quality, effort: 4, keep: _keep),
        PictureFileFormat.Jpeg => image.JpegsaveBuffer(q: quality, optimizeCoding: true, interlace: true, keep: _keep),
        _ => image.PngsaveBuffer(compression: 6, keep: _keep),
    };
}
