using NewsSite.FrontMatter;
using NewsSite.Model;

namespace NewsSite.Pictures;

/// <summary>One published picture file: the cleaned original, a resized copy or a crop.</summary>
/// <param name="Route">Site path, <c>/media/x.1a2b3c4d-800.webp</c>.</param>
public sealed record PictureFile(string Route, PictureFileFormat Format, int Width, int Height);

public enum PictureFileFormat
{
    Jpeg,
    Png,
    Gif,
    WebP,
}

/// <summary>The shapes of crop the site publishes: for sharing (1200×630) and for search engines' article images.</summary>
public enum CropShape
{
    Social,
    Wide,
    Standard,
    Square,
}

/// <summary>A picture under content/ and every file published for it.</summary>
/// <param name="Route">The source's site path, <c>/media/x.jpg</c>, where its cleaned full-size copy is published.</param>
/// <param name="Width">Upright width of the source, in pixels.</param>
public sealed record Picture(string Route, int Width, int Height)
{
    /// <summary>Resized WebP copies, narrowest first; empty when the picture is published only as it is.</summary>
    public IReadOnlyList<PictureFile> WebP { get; init; } = [];

    /// <summary>The same widths in the source's own kind of format (JPEG, or PNG for pictures with transparency).</summary>
    public IReadOnlyList<PictureFile> Fallback { get; init; } = [];

    /// <summary>Crops for the articles that lead with this picture, by shape and focal point.</summary>
    public IReadOnlyDictionary<(CropShape Shape, ImageFocus Focus), PictureFile> Crops { get; init; } = new Dictionary<(CropShape, ImageFocus), PictureFile>();

    public bool Resized => WebP.Count > 0;

    /// <summary>The copy for <c>src</c>: the first at least <paramref name="wanted"/> wide, else the widest.</summary>
    public PictureFile? FallbackFor(int wanted) => Fallback.FirstOrDefault(f => f.Width >= wanted) ?? (Fallback.Count > 0 ? Fallback[^1] : null);

    public PictureFile? Crop(CropShape shape, ImageFocus focus) => Crops.GetValueOrDefault((shape, focus));
}
