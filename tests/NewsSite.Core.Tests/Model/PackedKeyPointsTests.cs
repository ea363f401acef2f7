using NewsSite.Diagnostics;
using NewsSite.Model;

namespace NewsSite.Tests.Model;

public sealed class PackedKeyPointsTests
{
    private static Article With(IReadOnlyList<KeyPoint> points) => new()
    {
        SourcePath = "content/world/quake.md",
        Headline = "Quake",
        Date = DateTimeOffset.UnixEpoch,
        Slug = "quake",
        Body = "",
        KeyPoints = points,
    };

    [Fact]
    public void Key_points_come_back_with_their_labels_text_and_locations()
    {
        KeyPoint[] points =
        [
            new("Toll", "At least **12** dead; ‘rescue’ goes on — 東京") { Location = new SourceLocation("content/world/quake.md", 7, 11) },
            new(null, "No label here") { Location = new SourceLocation("content/world/quake.md", 9, 5) },
            new("", "An empty label is kept as empty") { Location = new SourceLocation("content/shared/points.md", 2, 3) },
            new("Unplaced", "A point with no location"),
        ];

        var read = With(points).KeyPoints;

        Assert.Equal(points, read);
        Assert.Equal(points.Select(p => p.Location), read.Select(p => p.Location));
        Assert.Equal(points.Select(p => p.Label), read.Select(p => p.Label));
    }

    [Fact]
    public void No_key_points_read_as_an_empty_list_and_a_copy_keeps_them()
    {
        Assert.Empty(With([]).KeyPoints);

        var article = With([new KeyPoint("A", "B")]) with { Headline = "Changed" };

        Assert.Equal([new KeyPoint("A", "B")], article.KeyPoints);
    }

    private static byte[] CacheForm(PackedKeyPoints? packed, string ownPath)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            PackedKeyPoints.WriteTo(w, packed, ownPath);
        }

        return stream.ToArray();
    }

    private static PackedKeyPoints? FromCacheForm(byte[] bytes, string ownPath)
    {
        using var r = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        var packed = PackedKeyPoints.ReadFrom(r, ownPath);
        Assert.Equal(bytes.Length, r.BaseStream.Position);
        return packed;
    }

    [Theory]
    [InlineData("content/world/quake.md")]
    [InlineData("content/shared/points.md")]
    [InlineData(null)]
    public void The_cache_form_carries_the_packed_bytes_and_the_file_the_locations_point_into(string? pointsFile)
    {
        SourceLocation? location = pointsFile is null ? null : new SourceLocation(pointsFile, 7, 11);
        KeyPoint[] points = [new("Toll", "At least 12 dead — 東京") { Location = location }, new(null, "No label") { Location = location }];
        var packed = With(points).HeldKeyPoints;

        var read = FromCacheForm(CacheForm(packed, "content/world/quake.md"), "content/world/quake.md");

        Assert.NotNull(read);
        Assert.Equal(packed!.Bytes.ToArray(), read.Bytes.ToArray());
        Assert.Equal(points, read.Unpack());
        Assert.Equal(points.Select(p => p.Location), read.Unpack().Select(p => p.Location));
    }

    [Fact]
    public void No_key_points_take_one_byte_in_the_cache_form()
    {
        var bytes = CacheForm(With([]).HeldKeyPoints, "content/world/quake.md");

        Assert.Single(bytes);
        Assert.Null(FromCacheForm(bytes, "content/world/quake.md"));
    }

    [Fact]
    public void Damaged_packed_bytes_are_refused_where_the_cache_is_read()
    {
        KeyPoint[] points = [new("Toll", "At least 12 dead") { Location = new SourceLocation("content/world/quake.md", 7, 11) }];
        var good = CacheForm(With(points).HeldKeyPoints, "content/world/quake.md");

        // Kind 1 (the points' own file), the block's length, then the block: its count, label flag, label...
        var countTooHigh = (byte[])good.Clone();
        countTooHigh[1 + sizeof(int)] = 2;
        var labelTooLong = (byte[])good.Clone();
        labelTooLong[1 + sizeof(int) + sizeof(int) + 1] = 100;
        var unknownKind = (byte[])good.Clone();
        unknownKind[0] = 7;

        foreach (var damaged in new[] { countTooHigh, labelTooLong, unknownKind, good[..^1] })
        {
            using var r = new BinaryReader(new MemoryStream(damaged), System.Text.Encoding.UTF8);
            var error = Record.Exception(() => PackedKeyPoints.ReadFrom(r, "content/world/quake.md"));
            // The two kinds the article cache takes for "unreadable, start over".
            Assert.True(error is InvalidDataException or EndOfStreamException, $"{error?.GetType().Name ?? "nothing"} thrown");
        }

        // Read with no own file, the location's "own file" mark has nothing to point to.
        using var withoutPath = new BinaryReader(new MemoryStream(good), System.Text.Encoding.UTF8);
        Assert.Throws<InvalidDataException>(() => PackedKeyPoints.ReadFrom(withoutPath, null));
    }
}
