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
            w.Write(points.Count);
            foreach (var point in points)
            {
                w.Write(point.Label is not null);
                if (point.Label is not null)
                {
                    w.Write(point.Label);
                }

                w.Write(point.Text);
                WriteLocation(w, point.Location, path);
            }
        }

        return new PackedKeyPoints(stream.ToArray(), path);
    }

    public IReadOnlyList<KeyPoint> Unpack()
    {
        using var r = new BinaryReader(new MemoryStream(_bytes, writable: false), Encoding.UTF8);
        var points = new KeyPoint[r.ReadInt32()];
        for (var i = 0; i < points.Length; i++)
        {
            var label = r.ReadBoolean() ? r.ReadString() : null;
            points[i] = new KeyPoint(label, r.ReadString()) { Location = ReadLocation(r) };
        }

        return points;
    }

    private static void WriteLocation(BinaryWriter w, SourceLocation? location, string? path)
    {
        if (location is not { } at)
        {
            w.Write((byte)0);
            return;
        }

        var own = at.Path == path;
        w.Write(own ? (byte)1 : (byte)2);
        if (!own)
        {
            w.Write(at.Path);
        }

        w.Write(at.Line);
        w.Write(at.Column);
    }

    private SourceLocation? ReadLocation(BinaryReader r) => r.ReadByte() switch
    {
        0 => null,
        1 => new SourceLocation(_path!, r.ReadInt32(), r.ReadInt32()),
        _ => new SourceLocation(r.ReadString(), r.ReadInt32(), r.ReadInt32()),
    };
}
