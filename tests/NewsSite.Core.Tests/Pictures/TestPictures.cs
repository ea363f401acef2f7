using NewsSite.FrontMatter;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text.RegularExpressions;
using NetVips;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Pictures;

/// <summary>The committed test photographs, pictures made for the edge cases, and reading published ones back.</summary>
public static class TestPictures
{
    /// <summary>A fixture's <c>[picture 320x180]</c>: a picture of that size in the format its name says.</summary>
    public static byte[]? FromFixture(string path, string text)
    {
        var match = Regex.Match(text.Trim(), @"^\[picture (\d+)x(\d+)\]$");
        if (!match.Success)
        {
            return null;
        }

        using var image = Plain(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        return image.WriteToBuffer(Path.GetExtension(path));
    }

    public static byte[] Photo(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Pictures", "Photos", name));

    /// <summary>An article leading with <paramref name="src"/>: its 'src' value is at line 5, column 8.</summary>
    public static string Article(string slug, string src, string extra = "", string body = "Body text.") => $"""
        ---
        headline: Story {slug}
        date: 2025-03-01T10:00:00Z
        image:
          src: {src}
          alt: A picture for {slug}
        {extra}
        ---
        {body}
        """;

    /// <summary>A plain colour with a darker square at the top left, to see which way up a picture is.</summary>
    public static Image Plain(int width, int height, int bands = 3)
    {
        var colour = Enumerable.Range(0, bands).Select(b => 60.0 + (b * 50)).ToArray();
        return Image.Black(width, height, bands: bands).NewFromImage(colour).Cast(Enums.BandFormat.Uchar);
    }

    public static byte[] Jpeg(int width, int height) => Plain(width, height).JpegsaveBuffer(q: 80);

    public static byte[] Png(int width, int height) => Plain(width, height).PngsaveBuffer();

    public static byte[] CmykJpeg(int width, int height) =>
        Plain(width, height, bands: 4).Copy(interpretation: Enums.Interpretation.Cmyk).JpegsaveBuffer(q: 80);

    public static byte[] SixteenBitPng(int width, int height) =>
        (Image.Black(width, height, bands: 3) + new[] { 50_000.0, 20_000, 10_000 }).Cast(Enums.BandFormat.Ushort)
            .Copy(interpretation: Enums.Interpretation.Rgb16).PngsaveBuffer(bitdepth: 16);

    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        var strip = Image.Arrayjoin([.. Enumerable.Range(0, frames).Select(i => Image.Black(width, height, bands: 3).NewFromImage([i * 80.0, 100, 200 - (i * 60)]).Cast(Enums.BandFormat.Uchar))], across: 1);
        var animated = strip.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", height);
            m.Set(GValue.ArrayIntType, "delay", Enumerable.Repeat(100, frames).ToArray());
        });
        return animated.GifsaveBuffer();
    }

    /// <summary>A PNG of a few hundred bytes that declares <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static byte[] DeclaredHugePng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        using var zlib = new MemoryStream();
        using (var z = new ZLibStream(zlib, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(new byte[4096]);
        }

        Chunk(png, "IDAT", zlib.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typed));
        png.Write(crc);
    }

    /// <summary>The published files made from the picture named <paramref name="stem"/> under media/, by their names.</summary>
    public static IReadOnlyList<string> Derivatives(BuiltSite built, string stem) =>
        [.. built.Files().Where(f => Regex.IsMatch(f, $"^media/{Regex.Escape(stem)}\\.[0-9a-f]{{8}}-"))];

    /// <summary>The resized copies alone (<c>x.1a2b3c4d-800.webp</c>), without the crops.</summary>
    public static IReadOnlyList<string> Resized(BuiltSite built, string stem) =>
        [.. Derivatives(built, stem).Where(f => Regex.IsMatch(f, @"\.[0-9a-f]{8}-\d+\.(webp|jpg|png)$"))];

    public static Image Load(BuiltSite built, string relativePath) =>
        Image.NewFromBuffer(File.ReadAllBytes(Path.Combine(built.Output, relativePath)));
}
