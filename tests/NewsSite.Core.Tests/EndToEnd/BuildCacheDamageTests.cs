using NewsSite.Caching;
using NewsSite.Configuration;
using NewsSite.Diagnostics;
using NewsSite.Search;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>Whatever happened to the build cache between two builds, the second one succeeds and is right.</summary>
public sealed class BuildCacheDamageTests
{
    private const string Site = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        -- content/world/quake.md --
        ---
        headline: Quake shakes the coast
        date: 2025-03-01T10:00:00Z
        tags: [Quake, Coast]
        key_points: [Buildings evacuated]
        ---
        The first paragraph, with no summary in the front matter.
        -- content/world/floods.md --
        ---
        headline: Floods reach the delta
        date: 2025-03-02T10:00:00Z
        tags: [Floods, Coast]
        ---
        Rivers rose overnight.
        -- content/business/rates.md --
        ---
        headline: Rates held
        date: 2025-03-03T10:00:00Z
        summary: The bank waits.
        ---
        The bank held its rate.
        """;

    private static readonly Dictionary<string, Action<string>> Damage = new()
    {
        { "deleted", file => File.Delete(file) },
        { "emptied", file => File.WriteAllBytes(file, []) },
        { "cut in half", file => File.WriteAllBytes(file, File.ReadAllBytes(file)[..(int)(new FileInfo(file).Length / 2)]) },
        { "a byte changed in the middle", file => FlipAt(file, new FileInfo(file).Length / 2) },
        { "a byte near the end changed", file => FlipAt(file, new FileInfo(file).Length - 40) },
        { "garbage", file => File.WriteAllBytes(file, [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 31))]) },
        { "a folder instead", file => { File.Delete(file); Directory.CreateDirectory(file); } },
        { "a link to a missing file", file => { File.Delete(file); File.CreateSymbolicLink(file, file + ".gone"); } },
        { "a named pipe", file => { File.Delete(file); SpecialFiles.MakeFifo(file); } },
        { "a link to a device that never ends", file => { File.Delete(file); File.CreateSymbolicLink(file, "/dev/zero"); } },
        { "3 GB of zeros", file => SpecialFiles.MakeSparse(file, 3L * 1024 * 1024 * 1024) },
    };

    /// <summary>Every damage, to the values and to the index.</summary>
    public static TheoryData<string, string> Damages()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { BuildCache.FileName, BuildCache.IndexName })
        {
            foreach (var damage in Damage.Keys)
            {
                data.Add(file, damage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_or_missing_cache_is_never_an_error_and_the_build_is_as_a_clean_one(string file, string damage)
    {
        using var site = TestSite.Create(Site);
        site.Settle();
        site.Build().AssertSucceeded();
        var cacheFile = Path.Combine(CacheFolder.Of(site.Output), file);
        Assert.True(File.Exists(cacheFile), "the first build keeps a cache");

        File.AppendAllText(Path.Combine(site.Source, "content/world/quake.md"), "\nA later paragraph.\n");
        File.SetLastWriteTimeUtc(Path.Combine(site.Source, "content/world/quake.md"), DateTime.UtcNow.AddHours(-1));
        Damage[damage](cacheFile);
        var rebuilt = SpecialFiles.BuildWithin(site);

        rebuilt.AssertSucceeded();
        Assert.Empty(rebuilt.Result.Diagnostics);
        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        Assert.True(OutputHashes.Of(clean.Output).SequenceEqual(OutputHashes.Of(site.Output)), $"{file} {damage}: the rebuilt output differs from a clean build");
    }

    [Fact]
    public void After_a_cold_rebuild_the_next_one_uses_the_cache_again()
    {
        using var site = TestSite.Create(Site);
        site.Settle();
        site.Build().AssertSucceeded();
        File.WriteAllBytes(Path.Combine(CacheFolder.Of(site.Output), BuildCache.FileName), [1, 2, 3]);
        File.SetLastWriteTimeUtc(Path.Combine(site.Source, "content/world/floods.md"), DateTime.UtcNow.AddHours(-2));

        var cold = site.Build();
        File.SetLastWriteTimeUtc(Path.Combine(site.Source, "content/world/floods.md"), DateTime.UtcNow.AddHours(-3));
        var warm = site.Build();

        Assert.Equal(3, cold.Result.ArticlesRead);
        Assert.Equal(1, warm.Result.ArticlesRead);
    }

    [Fact]
    public void Kept_analyses_are_made_again_when_the_kept_table_does_not_know_the_build_that_made_them()
    {
        using var site = TestSite.Create(Site);
        site.Settle();
        site.Build().AssertSucceeded();
        Assert.True(Directory.Exists(Path.Combine(site.Output, "search")), "the site has a search index");

        // As if the first build had failed before keeping its table, and another build had numbered the same
        // strings in another order: an analysis trusted without its generation would name the wrong strings.
        var config = SiteConfigReader.Read(site.Source, new DiagnosticBag())!;
        using (var cache = BuildCache.Open(CacheFolder.Of(site.Output), read: true, write: true))
        {
            Assert.True(cache.TryGet(SiteSearch.Tables, SearchCacheKeys.Context(config), out var kept));
            cache.Put(SiteSearch.Tables, SearchCacheKeys.Context(config), StoredTermTable.Empty.Next([.. kept.Strings.Reverse()], Guid.NewGuid(), kept.Strings.Length));
            cache.Save(buildFailed: true);
        }

        File.AppendAllText(Path.Combine(site.Source, "content/world/quake.md"), "\nA later paragraph.\n");
        File.SetLastWriteTimeUtc(Path.Combine(site.Source, "content/world/quake.md"), DateTime.UtcNow.AddHours(-1));
        site.Build().AssertSucceeded();

        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        Assert.Equal(OutputHashes.Of(clean.Output), OutputHashes.Of(site.Output));
    }

    private static void FlipAt(string file, long at)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[at] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
    }
}
