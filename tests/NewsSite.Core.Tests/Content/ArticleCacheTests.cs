using System.Text.Json;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.Model;

namespace NewsSite.Tests.Content;

public sealed class ArticleCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"));

    private static readonly DateTime Written = new(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Article Full() => new()
    {
        SourcePath = "content/world/quake.md",
        SourceHash = "ABC123",
        Headline = "Quake – “shakes” the coast",
        Date = new DateTimeOffset(2026, 1, 1, 9, 30, 0, TimeSpan.FromHours(5.5)),
        Updated = new DateTimeOffset(2026, 1, 2, 9, 30, 0, TimeSpan.FromHours(-4)),
        Expires = null,
        Section = "World",
        Dateline = "KOCHI",
        Dek = null,
        Summary = "A summary.",
        Authors = ["Asha Rao", "Tom Lee"],
        Tags = ["Disasters"],
        KeyPoints = [new KeyPoint("Toll", "At least **three** dead") { Location = new SourceLocation("content/world/quake.md", 7, 12) }, new KeyPoint(null, "Unlabelled")],
        Corrections = [new Correction(new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero), "An earlier version misspelt a name.") { Location = new SourceLocation("content/other.md", 2, 3) }],
        Image = new ArticleImage("/media/quake.jpg", "Rubble in the street", null, "Photo: Desk"),
        Slug = "quake",
        Draft = true,
        BodyLine = 21,
        Params = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["embargo"] = null,
            ["sources"] = new List<object?> { "agency", new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = "Desk", ["ids"] = new List<object?> { "1", null } } },
            ["story_id"] = "A-1",
        },
        Body = "",
    };

    [Fact]
    public void Every_field_comes_back_as_it_was_written()
    {
        var path = Path.Combine(_folder, ArticleCache.FileName);
        var warning = Diagnostic.Warning(DiagnosticCodes.UnreadableFile, "a warning", new SourceLocation("content/world/quake.md", 3, 4));
        ArticleCache.Save(path, "key", [new CachedArticle(1234, Written.Ticks, Full(), [warning])], settledBefore: Written);

        var cache = ArticleCache.Load(path, "key");
        var found = cache.Find(new SourceFile("content/world/quake.md", "/x") { Length = 1234, LastWriteTimeUtc = Written });

        Assert.NotNull(found);
        Assert.Equal(JsonSerializer.Serialize(Full()), JsonSerializer.Serialize(found.Article));
        Assert.Equal(Full().KeyPoints.Select(k => k.Location), found.Article.KeyPoints.Select(k => k.Location));
        Assert.Equal(Full().Corrections.Select(k => k.Location), found.Article.Corrections.Select(k => k.Location));
        Assert.IsType<List<object?>>(found.Article.Params["sources"]);
        Assert.Equal([warning], found.Diagnostics);
    }

    [Fact]
    public void Another_size_time_key_or_a_damaged_file_finds_nothing()
    {
        var path = Path.Combine(_folder, ArticleCache.FileName);
        ArticleCache.Save(path, "key", [new CachedArticle(1234, Written.Ticks, Full(), [])], settledBefore: Written);
        var file = new SourceFile("content/world/quake.md", "/x") { Length = 1234, LastWriteTimeUtc = Written };

        Assert.Null(ArticleCache.Load(path, "key").Find(file with { Length = 1235 }));
        Assert.Null(ArticleCache.Load(path, "key").Find(file with { LastWriteTimeUtc = Written.AddTicks(1) }));
        Assert.Equal(0, ArticleCache.Load(path, "other key").Count);

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Equal(0, ArticleCache.Load(path, "key").Count);
    }

    [Fact]
    public void An_archive_of_many_articles_comes_back_whole_and_a_cut_file_finds_nothing()
    {
        var path = Path.Combine(_folder, ArticleCache.FileName);
        // Ten chunks: on a machine of up to four cores they are encoded and written in more than one batch.
        var entries = Enumerable.Range(0, 5000)
            .Select(i => new CachedArticle(1000 + i, Written.Ticks, Full() with { SourcePath = $"content/world/story-{i}.md", Headline = $"Story {i}" }, []))
            .ToList();
        ArticleCache.Save(path, "key", entries, settledBefore: Written);

        var cache = ArticleCache.Load(path, "key");
        Assert.Equal(5000, cache.Count);
        foreach (var i in new[] { 0, 511, 512, 2047, 2048, 4095, 4096, 4999 })
        {
            var found = cache.Find(new SourceFile($"content/world/story-{i}.md", "/x") { Length = 1000 + i, LastWriteTimeUtc = Written });
            Assert.Equal($"Story {i}", found?.Article.Headline);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);
        Assert.Equal(0, ArticleCache.Load(path, "key").Count);
    }

    [Fact]
    public void Files_changed_just_before_the_build_are_not_kept()
    {
        var path = Path.Combine(_folder, ArticleCache.FileName);
        ArticleCache.Save(path, "key", [new CachedArticle(1234, Written.Ticks, Full(), [])], settledBefore: Written.AddTicks(-1));
        Assert.Equal(0, ArticleCache.Load(path, "key").Count);
    }

    [Fact]
    public void A_cache_that_would_be_written_with_what_it_holds_is_left_alone()
    {
        var path = Path.Combine(_folder, ArticleCache.FileName);
        var first = Story(1, Written);
        var second = Story(2, Written);
        ArticleCache.Save(path, "key", [first, second], settledBefore: Written);
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);

        // The same files, plus one edited too recently to keep: nothing to write.
        ArticleCache.Save(path, "key", [first, second, Story(3, Written.AddTicks(1))], settledBefore: Written, readBack: ArticleCache.Load(path, "key"));
        Assert.Equal(old, File.GetLastWriteTimeUtc(path));

        // One of them changed, then one gone: written each time.
        ArticleCache.Save(path, "key", [first, Story(2, Written.AddTicks(-5))], settledBefore: Written, readBack: ArticleCache.Load(path, "key"));
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(path));
        Assert.NotNull(ArticleCache.Load(path, "key").Find(new SourceFile("content/world/story-2.md", "/x") { Length = 1002, LastWriteTimeUtc = Written.AddTicks(-5) }));

        ArticleCache.Save(path, "key", [first], settledBefore: Written, readBack: ArticleCache.Load(path, "key"));
        Assert.Equal(1, ArticleCache.Load(path, "key").Count);
    }

    private static CachedArticle Story(int number, DateTime written) =>
        new(1000 + number, written.Ticks, Full() with { SourcePath = $"content/world/story-{number}.md", Headline = $"Story {number}" }, []);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
