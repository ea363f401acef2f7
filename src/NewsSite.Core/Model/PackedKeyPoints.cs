using System.Text;
using NewsSite.Diagnostics;

namespace NewsSite.Model;

/// <summary>
/// An article's key points as one UTF-8 block, unpacked each time they are read. Every article is held for the
/// whole build, and as objects its key points were the largest part of it: some 1.9 KB an article, 190 MB at
/// 100,000 articles. Packed they take a third of that. They are read a handful of times per article (its page,
/// its search text, its checks), so unpacking costs little. The article cache and the search cache's keys take the
/// packed bytes as they are (<see cref="WriteTo"/>, <see cref="ReadFrom"/>, <see cref="Bytes"/>): unpacking every
/// article's points only to pack them again cost a one-article rebuild at 10,000 articles 5 % of its time.
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

    /// <summary>The packed form, locations included: equal bytes mean equal key points.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public IReadOnlyList<KeyPoint> Unpack()
    {
        using var r = new BinaryReader(new MemoryStream(_bytes, writable: false), Encoding.UTF8);
        return Read(r, _path);
    }

    /// <param name="ownPath">The file the locations are written relative to (see <see cref="SourceLocationCodec"/>).</param>
    private static void Write(BinaryWriter w, IReadOnlyList<KeyPoint> points, string? ownPath)
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

    /// <summary>
    /// Writes the packed form as it is (or nothing, for no key points), with the file its locations point into
    /// written relative to <paramref name="ownPath"/>: see <see cref="ReadFrom"/>.
    /// </summary>
    public static void WriteTo(BinaryWriter w, PackedKeyPoints? packed, string? ownPath)
    {
        if (packed is null)
        {
            w.Write((byte)0);
            return;
        }

        var own = packed._path == ownPath;
        w.Write(own ? (byte)1 : (byte)2);
        if (!own)
        {
            w.Write(packed._path is not null);
            if (packed._path is not null)
            {
                w.Write(packed._path);
            }
        }

        w.Write(packed._bytes.Length);
        w.Write(packed._bytes);
    }

    /// <summary>
    /// Reads what <see cref="WriteTo"/> wrote. The bytes are walked once without making anything of them, so that a
    /// damaged cache is found here, where the cache is read, and not when a page later unpacks them.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not packed key points.</exception>
    public static PackedKeyPoints? ReadFrom(BinaryReader r, string? ownPath)
    {
        var kind = r.ReadByte();
        if (kind == 0)
        {
            return null;
        }

        var path = kind switch
        {
            1 => ownPath,
            2 => r.ReadBoolean() ? r.ReadString() : null,
            _ => throw new InvalidDataException("unknown key points kind"),
        };
        var length = r.ReadInt32();
        var bytes = r.ReadBytes(length);
        if (length < 0 || bytes.Length != length || !IsPacked(bytes, path))
        {
            throw new InvalidDataException("damaged key points");
        }

        return new PackedKeyPoints(bytes, path);
    }

    private static bool IsPacked(byte[] bytes, string? path)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        var count = r.ReadInt32();
        if (count <= 0)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (r.ReadBoolean())
            {
                r.SkipString();
            }

            r.SkipString();
            SourceLocationCodec.Skip(r, path);
        }

        return r.BaseStream.Position == bytes.Length;
    }

    private static KeyPoint[] Read(BinaryReader r, string? ownPath)
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
