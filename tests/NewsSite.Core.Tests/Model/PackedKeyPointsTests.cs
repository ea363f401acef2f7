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
}
