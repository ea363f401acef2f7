using NewsSite.Caching;
using NewsSite.Output;

namespace NewsSite.Pictures;

/// <summary>What the pictures stage published, by source route; read by the views, the head and the bodies.</summary>
public sealed class PictureCatalog
{
    private readonly IReadOnlyDictionary<string, Picture> _pictures;

    private readonly IReadOnlySet<string> _handled;

    /// <param name="handled">Every source path the stage took charge of, published or refused.</param>
    internal PictureCatalog(IReadOnlyDictionary<string, Picture> pictures, IReadOnlySet<string> handled, int processed)
    {
        _pictures = pictures;
        _handled = handled;
        Processed = processed;
        var key = new ContentHash.Builder();
        foreach (var (route, picture) in pictures.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            key.Add(route).Add(picture.Width).Add(picture.Height).Add(picture.Fallback.Select(f => f.Route)).Add(picture.WebP.Select(f => f.Route));
        }

        Fingerprint = key.Finish();
    }

    public static PictureCatalog Empty { get; } = new(new Dictionary<string, Picture>(), new HashSet<string>(), 0);

    /// <summary>Pictures decoded and encoded by this build (the others' files were kept from the last one).</summary>
    public int Processed { get; }

    /// <summary>Changes when any picture's published files do: part of every page's fingerprint, as bodies show pictures.</summary>
    public Hash128 Fingerprint { get; }

    public int Count => _pictures.Count;

    /// <summary>By site path (<c>/media/x.jpg</c>); null for anything the stage did not publish (SVG, remote, broken).</summary>
    public Picture? Find(string route) => _pictures.GetValueOrDefault(route);

    /// <summary>
    /// True for the source paths (<c>content/media/x.jpg</c>) the stage took charge of: their cleaned copy is
    /// published in their place, or nothing when they were refused; never the file's own bytes.
    /// </summary>
    public bool Handles(string sourcePath) => _handled.Contains(sourcePath);
}
