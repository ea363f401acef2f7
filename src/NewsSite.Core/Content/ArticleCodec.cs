using System.Diagnostics;
using NewsSite.Diagnostics;
using NewsSite.Model;

namespace NewsSite.Content;

/// <summary>The binary form of a <see cref="CachedArticle"/>: every front-matter field, in a fixed order.</summary>
internal static class ArticleCodec
{
    private enum ValueKind : byte
    {
        Null,
        Text,
        List,
        Map,
    }

    public static void WriteEntry(BinaryWriter w, CachedArticle entry)
    {
        var a = entry.Article;
        w.Write(entry.Length);
        w.Write(entry.LastWriteTicks);
        w.Write(a.SourcePath);
        w.Write(a.SourceHash);
        w.Write(a.Headline);
        WriteDate(w, a.Date);
        WriteOptionalDate(w, a.Updated);
        WriteOptionalDate(w, a.Expires);
        WriteOptional(w, a.Section);
        SourceLocationCodec.Write(w, a.SectionLocation, a.SourcePath);
        WriteOptional(w, a.Dateline);
        WriteOptional(w, a.Dek);
        WriteOptional(w, a.Summary);
        WriteStrings(w, a.Authors);
        WriteStrings(w, a.Tags);
        PackedKeyPoints.WriteTo(w, a.HeldKeyPoints, a.SourcePath);

        w.Write(a.Corrections.Count);
        foreach (var correction in a.Corrections)
        {
            WriteDate(w, correction.Date);
            w.Write(correction.Text);
            SourceLocationCodec.Write(w, correction.Location, a.SourcePath);
        }

        w.Write(a.Image is not null);
        if (a.Image is { } image)
        {
            w.Write(image.Src);
            w.Write(image.Alt);
            WriteOptional(w, image.Caption);
            WriteOptional(w, image.Credit);
            w.Write(image.Focus.X);
            w.Write(image.Focus.Y);
            SourceLocationCodec.Write(w, image.Location, a.SourcePath);
        }

        w.Write(a.Slug);
        w.Write(a.Draft);
        w.Write(a.BodyLine);
        w.Write(a.Params.Count);
        foreach (var (name, value) in a.Params)
        {
            w.Write(name);
            WriteValue(w, value);
        }

        w.Write(entry.Diagnostics.Count);
        foreach (var diagnostic in entry.Diagnostics.Select(StoredDiagnostic.From))
        {
            w.Write((byte)diagnostic.Severity);
            w.Write(diagnostic.Code);
            w.Write(diagnostic.Message);
            WriteOptional(w, diagnostic.Path);
            w.Write(diagnostic.Line);
            w.Write(diagnostic.Column);
        }
    }

    /// <summary>The article comes back without its body: the caller says where the body is read from.</summary>
    public static CachedArticle ReadEntry(BinaryReader r)
    {
        var length = r.ReadInt64();
        var ticks = r.ReadInt64();
        var path = r.ReadString();
        var article = new Article
        {
            SourcePath = path,
            SourceHash = r.ReadString(),
            Headline = r.ReadString(),
            Date = ReadDate(r),
            Updated = ReadOptionalDate(r),
            Expires = ReadOptionalDate(r),
            Section = ReadOptional(r),
            SectionLocation = SourceLocationCodec.Read(r, path),
            Dateline = ReadOptional(r),
            Dek = ReadOptional(r),
            Summary = ReadOptional(r),
            Authors = ReadStrings(r),
            Tags = ReadStrings(r),
            HeldKeyPoints = PackedKeyPoints.ReadFrom(r, path),
            Corrections = ReadList(r, () => new Correction(ReadDate(r), r.ReadString()) { Location = SourceLocationCodec.Read(r, path) }),
            Image = r.ReadBoolean()
                ? new ArticleImage(r.ReadString(), r.ReadString(), ReadOptional(r), ReadOptional(r)) { Focus = new(r.ReadDouble(), r.ReadDouble()), Location = SourceLocationCodec.Read(r, path) }
                : null,
            Slug = r.ReadString(),
            Draft = r.ReadBoolean(),
            BodyLine = r.ReadInt32(),
            Params = ReadParams(r),
            Body = "",
        };
        var diagnostics = ReadList(r, () => new StoredDiagnostic(
            (Severity)r.ReadByte(), r.ReadString(), r.ReadString(), ReadOptional(r), r.ReadInt32(), r.ReadInt32()).ToDiagnostic());
        return new CachedArticle(length, ticks, article, diagnostics);
    }

    private static SortedDictionary<string, object?> ReadParams(BinaryReader r)
    {
        var count = r.ReadInt32();
        var parameters = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            parameters[r.ReadString()] = ReadValue(r);
        }

        return parameters;
    }

    /// <summary>Front-matter values we do not know are text, lists and maps of them (see <c>ArticleReader</c>).</summary>
    private static void WriteValue(BinaryWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.Write((byte)ValueKind.Null);
                break;
            case string text:
                w.Write((byte)ValueKind.Text);
                w.Write(text);
                break;
            case IReadOnlyDictionary<string, object?> map:
                w.Write((byte)ValueKind.Map);
                w.Write(map.Count);
                foreach (var (key, item) in map)
                {
                    w.Write(key);
                    WriteValue(w, item);
                }

                break;
            case IReadOnlyList<object?> list:
                w.Write((byte)ValueKind.List);
                w.Write(list.Count);
                foreach (var item in list)
                {
                    WriteValue(w, item);
                }

                break;
            default:
                throw new UnreachableException($"front-matter value of type {value.GetType()}");
        }
    }

    private static object? ReadValue(BinaryReader r)
    {
        switch ((ValueKind)r.ReadByte())
        {
            case ValueKind.Null:
                return null;
            case ValueKind.Text:
                return r.ReadString();
            case ValueKind.List:
                return ReadList(r, () => ReadValue(r)).ToList();
            case ValueKind.Map:
                var count = r.ReadInt32();
                var map = new Dictionary<string, object?>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    map[r.ReadString()] = ReadValue(r);
                }

                return map;
            default:
                throw new InvalidDataException("unknown value kind in the article cache");
        }
    }

    private static void WriteOptional(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> items)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            w.Write(item);
        }
    }

    /// <remarks>
    /// Not <c>ReadList(r, r.ReadString)</c>: a delegate to a virtual method is bound at run time, through the
    /// runtime's slow path, and a 10,000-article cache has 20,000 of these lists.
    /// </remarks>
    private static string[] ReadStrings(BinaryReader r)
    {
        var items = new string[ReadCount(r)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = r.ReadString();
        }

        return items;
    }

    private static T[] ReadList<T>(BinaryReader r, Func<T> read)
    {
        var items = new T[ReadCount(r)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read();
        }

        return items;
    }

    private static int ReadCount(BinaryReader r)
    {
        var count = r.ReadInt32();
        return count >= 0 ? count : throw new InvalidDataException("negative count in the article cache");
    }

    private static void WriteDate(BinaryWriter w, DateTimeOffset date)
    {
        w.Write(date.Ticks);
        w.Write((short)date.TotalOffsetMinutes);
    }

    private static DateTimeOffset ReadDate(BinaryReader r) => new(r.ReadInt64(), TimeSpan.FromMinutes(r.ReadInt16()));

    private static void WriteOptionalDate(BinaryWriter w, DateTimeOffset? date)
    {
        w.Write(date.HasValue);
        if (date is { } value)
        {
            WriteDate(w, value);
        }
    }

    private static DateTimeOffset? ReadOptionalDate(BinaryReader r) => r.ReadBoolean() ? ReadDate(r) : null;
}
