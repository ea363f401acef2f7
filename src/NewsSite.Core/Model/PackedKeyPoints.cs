using System.Text;
using NewsSite.Diagnostics;

namespace NewsSite.Model;

/// <summary>
/// An article's key points as one UTF-8 block, unpacked each time they are read. Every article is held for the
/// whole build, and as objects its key points were the largest part of it: some 1.9 KB an article, 190 MB at
/// 100,000 articles. Packed they take a third of that. They are read a handful of times per article (its page,
/// its search text, its checks), so unpacking costs little.
/// </summary>
internal sealed class PackedKeyPoints
{
    private readonly byte[] _bytes;

    /// <summary>The file most locations point into, held once rather than written into every point.</summary>
    private readonly string? _path;

    private PackedKeyPoints(byte[] bytes, string? path)
    {
        _bytes = bytes;
        _path = path;
    }

    /// <returns>Null for no key points.</returns>
    public static PackedKeyPoints? Pack(IReadOnlyList<KeyPoint> points)
    {
        if (points.Count == 0)
        {
            return null;
        }

        var path = points.Select(p => p.Location?.Path).FirstOrDefault(p => p is not null);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            Write(w, points, path);
        }

        return new PackedKeyPoints(stream.ToArray(), path);
    }

    public IReadOnlyList<KeyPoint> Unpack()
    {
        using var r = new BinaryReader(new MemoryStream(_bytes, writable: false), Encoding.UTF8);
        return Read(r, _path);
    }

    /// <summary>The key points' binary form, shared with the article cache.</summary>
    /// <param name="ownPath">The file the locations are written relative to (see <see cref="SourceLocationCodec"/>).</param>
    public static void Write(BinaryWriter w, IReadOnlyList<KeyPoint> points, string? ownPath)
    {
        w.Write(points.Count);
        foreach (var point in points)
        {
            w.Write(point.Label is not null);
            if (point.Label is not null)
            {
                w.Write(point.Label);
            }

            w.Write(point.Text);
            SourceLocationCodec.Write(w, point.Location, ownPath);
        }
    }

    public static KeyPoint[] Read(BinaryReader r, string? ownPath)
    {
        var count = r.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException("negative count of key points");
        }

        var points = new KeyPoint[count];
        for (var i = 0; i < points.Length; i++)
        {
            var label = r.ReadBoolean() ? r.ReadString() : null;
            points[i] = new KeyPoint(label, r.ReadString()) { Location = SourceLocationCodec.Read(r, ownPath) };
        }

        return points;
    }
}
