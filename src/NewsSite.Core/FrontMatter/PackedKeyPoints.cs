using MemoryPack;
using NewsSite.Diagnostics;

namespace NewsSite.FrontMatter;

/// <summary>
/// An article's key points as one serialized block, unpacked each time they are read. Every article is held for
/// the whole build, and as objects its key points were the largest part of it.
/// They are read a handful of times per article (its page, its search text, its checks), so unpacking costs little.
/// </summary>
[MemoryPackable]
internal sealed partial class PackedKeyPoints
{
    [MemoryPackConstructor]
    private PackedKeyPoints(byte[] packed, string? path)
    {
        Packed = packed;
        Path = path;
    }

    /// <summary>The packed form, locations included: equal bytes mean equal key points.</summary>
    [MemoryPackInclude]
    internal byte[] Packed { get; }

    /// <summary>The file the locations point into, held once rather than in every point.</summary>
    [MemoryPackInclude]
    internal string? Path { get; }

    /// <returns>Null for no key points.</returns>
    public static PackedKeyPoints? Pack(IReadOnlyList<KeyPoint> points)
    {
        if (points.Count == 0)
        {
            return null;
        }

        var path = points.Select(p => p.Location?.Path).FirstOrDefault(p => p is not null);
        var packed = points.Select(p => new PackedPoint(p.Label, p.Text, p.Location?.Path == path ? null : p.Location?.Path, p.Location?.Line ?? 0, p.Location?.Column ?? 0)).ToArray();
        return new PackedKeyPoints(MemoryPackSerializer.Serialize(packed, MemoryPackSerializerOptions.Utf8), path);
    }

    public IReadOnlyList<KeyPoint> Unpack() =>
        [.. MemoryPackSerializer.Deserialize<PackedPoint[]>(Packed)!.Select(p => new KeyPoint(p.Label, p.Text)
        {
            Location = p.Line > 0 && (p.OtherPath ?? Path) is { } file ? new SourceLocation(file, p.Line, p.Column) : null,
        })];

    /// <param name="OtherPath">The file the location points into, when it is not <see cref="Path"/>.</param>
    /// <param name="Line">0 for a point without a location.</param>
    [MemoryPackable]
    internal readonly partial record struct PackedPoint(string? Label, string Text, string? OtherPath, int Line, int Column);
}
