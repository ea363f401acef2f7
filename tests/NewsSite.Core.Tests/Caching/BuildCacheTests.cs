using NewsSite.Caching;

namespace NewsSite.Tests.Caching;

public sealed class BuildCacheTests : IDisposable
{
    private static readonly CacheQuery<string[]> Words = new("words");
    private static readonly CacheQuery<int[]> Numbers = new("numbers");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_folder, BuildCache.FileName);

    private string IndexPath => Path.Combine(_folder, BuildCache.IndexName);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private BuildCache Open(bool read = true, bool write = true) => BuildCache.Open(_folder, read, write);

    private static Hash128 Key(string text) => ContentHash.Of(text);

    [Fact]
    public void What_one_build_puts_the_next_gets_back_under_the_same_query_and_inputs_only()
    {
        using (var first = Open())
        {
            first.Put(Words, Key("a"), ["monsoon", "kerala"]);
            first.Put(Numbers, Key("a"), [1, 2, 3]);
            first.Save(buildFailed: false);
        }

        using var second = Open();
        Assert.True(second.TryGet(Words, Key("a"), out var words));
        Assert.Equal(["monsoon", "kerala"], words);
        Assert.True(second.TryGet(Numbers, Key("a"), out var numbers));
        Assert.Equal([1, 2, 3], numbers);
        Assert.False(second.TryGet(Words, Key("b"), out _));
    }

    [Fact]
    public void A_successful_build_keeps_what_it_used_and_a_failed_one_keeps_everything()
    {
        using (var first = Open())
        {
            first.Put(Words, Key("used"), ["kept"]);
            first.Put(Words, Key("unused"), ["dropped"]);
            first.Put(Words, Key("failed"), ["kept by the failed build"]);
            first.Save(buildFailed: false);
        }

        using (var failed = Open())
        {
            Assert.True(failed.TryGet(Words, Key("used"), out _));
            failed.Save(buildFailed: true);
        }

        using (var succeeded = Open())
        {
            Assert.Equal(3, succeeded.LastCount);
            Assert.True(succeeded.TryGet(Words, Key("used"), out _));
            succeeded.Put(Words, Key("new"), ["new"]);
            succeeded.Save(buildFailed: false);
        }

        using var after = Open();
        Assert.Equal(2, after.LastCount);
        Assert.True(after.TryGet(Words, Key("used"), out var used));
        Assert.Equal(["kept"], used);
        Assert.True(after.TryGet(Words, Key("new"), out _));
        Assert.False(after.TryGet(Words, Key("unused"), out _));
    }

    [Fact]
    public void Unused_values_stay_in_the_file_until_they_are_half_of_it_then_it_is_written_afresh()
    {
        var value = Enumerable.Range(0, 1000).Select(i => $"word{i}").ToArray();
        using (var first = Open())
        {
            for (var i = 0; i < 10; i++)
            {
                first.Put(Words, Key($"v{i}"), value);
            }

            first.Save(buildFailed: false);
        }

        var full = new FileInfo(FilePath).Length;
        using (var second = Open())
        {
            for (var i = 0; i < 6; i++)
            {
                Assert.True(second.TryGet(Words, Key($"v{i}"), out _));
            }

            second.Put(Words, Key("new"), ["new"]);
            second.Save(buildFailed: false);
        }

        Assert.True(new FileInfo(FilePath).Length > full, "six of ten still used: the file is appended to, not rewritten");
        using (var third = Open())
        {
            Assert.Equal(7, third.LastCount);
            Assert.True(third.TryGet(Words, Key("v0"), out var kept));
            Assert.Equal(value, kept);
            Assert.True(third.TryGet(Words, Key("new"), out _));
            third.Save(buildFailed: false);
        }

        Assert.True(new FileInfo(FilePath).Length < full / 4, "two of eleven used: the file is written afresh without the rest");
        using var fourth = Open();
        Assert.Equal(2, fourth.LastCount);
        Assert.True(fourth.TryGet(Words, Key("v0"), out _));
    }

    [Fact]
    public void A_build_that_used_everything_and_put_nothing_leaves_the_file_as_it_was()
    {
        using (var first = Open())
        {
            first.Put(Words, Key("a"), ["a"]);
            first.Save(buildFailed: false);
        }

        var before = new FileInfo(FilePath).LastWriteTimeUtc;
        File.SetLastWriteTimeUtc(FilePath, before.AddHours(-1));
        File.SetLastWriteTimeUtc(IndexPath, before.AddHours(-1));
        using (var second = Open())
        {
            Assert.True(second.TryGet(Words, Key("a"), out _));
            second.Save(buildFailed: false);
        }

        Assert.Equal(before.AddHours(-1), new FileInfo(FilePath).LastWriteTimeUtc);
        Assert.Equal(before.AddHours(-1), new FileInfo(IndexPath).LastWriteTimeUtc);
        Assert.Equal([BuildCache.FileName, BuildCache.IndexName], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_clean_build_reads_nothing_and_a_dry_run_writes_nothing()
    {
        using (var first = Open())
        {
            first.Put(Words, Key("a"), ["a"]);
            first.Save(buildFailed: false);
        }

        var (values, index) = (File.ReadAllBytes(FilePath), File.ReadAllBytes(IndexPath));
        using (var dryRun = Open(write: false))
        {
            dryRun.Put(Words, Key("b"), ["b"]);
            dryRun.Save(buildFailed: false);
        }

        Assert.Equal(values, File.ReadAllBytes(FilePath));
        Assert.Equal(index, File.ReadAllBytes(IndexPath));
        using (var clean = Open(read: false))
        {
            Assert.False(clean.TryGet(Words, Key("a"), out _));
            clean.Save(buildFailed: false);
        }

        using var after = Open();
        Assert.False(after.TryGet(Words, Key("a"), out _));
    }

    [Fact]
    public void A_file_cut_short_anywhere_or_damaged_anywhere_never_throws_and_never_gives_a_wrong_value()
    {
        using (var first = Open())
        {
            first.Put(Words, Key("a"), ["monsoon", "kerala"]);
            first.Put(Numbers, Key("b"), [7, 8]);
            first.Save(buildFailed: false);
        }

        var (goodValues, goodIndex) = (File.ReadAllBytes(FilePath), File.ReadAllBytes(IndexPath));
        var damages = new List<(byte[] Values, byte[] Index)>();
        for (var at = 0; at < goodValues.Length; at++)
        {
            damages.Add((goodValues[..at], goodIndex));
            damages.Add((Flip(goodValues, at), goodIndex));
        }

        for (var at = 0; at < goodIndex.Length; at++)
        {
            damages.Add((goodValues, goodIndex[..at]));
            damages.Add((goodValues, Flip(goodIndex, at)));
        }

        foreach (var (values, index) in damages)
        {
            File.WriteAllBytes(FilePath, values);
            File.WriteAllBytes(IndexPath, index);
            using var cache = Open();
            if (cache.TryGet(Words, Key("a"), out var words))
            {
                Assert.Equal(["monsoon", "kerala"], words);
            }

            if (cache.TryGet(Numbers, Key("b"), out var numbers))
            {
                Assert.Equal([7, 8], numbers);
            }

            cache.Save(buildFailed: false);
        }
    }

    [Fact]
    public void A_file_written_by_another_build_of_the_tool_or_one_that_is_not_a_cache_reads_as_empty()
    {
        using (var first = Open())
        {
            first.Put(Words, Key("a"), ["a"]);
            first.Save(buildFailed: false);
        }

        var other = File.ReadAllBytes(IndexPath);
        other[0] ^= 0xFF; // the tool identity, which heads the index
        File.WriteAllBytes(IndexPath, other);
        using (var cache = Open())
        {
            Assert.Equal(0, cache.LastCount);
        }

        foreach (var path in new[] { FilePath, IndexPath })
        {
            File.Delete(path);
            Directory.CreateDirectory(path);
            using var folderInstead = Open();
            Assert.Equal(0, folderInstead.LastCount);
            folderInstead.Put(Words, Key("a"), ["a"]);
            folderInstead.Save(buildFailed: false);
            Directory.Delete(path);
        }
    }

    [Fact]
    public void What_a_killed_build_appended_or_left_half_written_is_ignored_and_removed_by_the_next_writing_build()
    {
        using (var first = Open())
        {
            first.Put(Words, Key("a"), ["a"]);
            first.Save(buildFailed: false);
        }

        File.AppendAllText(FilePath, "values a killed build appended");
        var stale = new[] { $"{BuildCache.FileName}.{Guid.NewGuid():N}.tmp", $"{BuildCache.IndexName}.{Guid.NewGuid():N}.tmp" }.Select(name => Path.Combine(_folder, name)).ToList();
        stale.ForEach(path => File.WriteAllText(path, "half"));

        using (var dryRun = Open(write: false))
        {
            Assert.True(dryRun.TryGet(Words, Key("a"), out _));
            Assert.All(stale, path => Assert.True(File.Exists(path)));
        }

        using (var next = Open())
        {
            Assert.All(stale, path => Assert.False(File.Exists(path)));
            Assert.True(next.TryGet(Words, Key("a"), out _));
            next.Put(Words, Key("b"), ["b"]);
            next.Save(buildFailed: false);
        }

        Assert.DoesNotContain("killed build", File.ReadAllText(FilePath));
        using var after = Open();
        Assert.True(after.TryGet(Words, Key("a"), out var a));
        Assert.Equal(["a"], a);
        Assert.True(after.TryGet(Words, Key("b"), out var b));
        Assert.Equal(["b"], b);
    }

    [Fact]
    public void A_link_put_in_place_of_the_values_is_replaced_and_what_it_points_to_is_left_alone()
    {
        using (var first = Open())
        {
            first.Put(Words, Key("a"), ["a"]);
            first.Save(buildFailed: false);
        }

        var victim = Path.Combine(_folder, "victim.txt");
        File.WriteAllText(victim, "not the cache's");
        File.Delete(FilePath);
        File.CreateSymbolicLink(FilePath, victim);
        using (var linked = Open())
        {
            Assert.Equal(0, linked.LastCount);
            linked.Put(Words, Key("b"), ["b"]);
            linked.Save(buildFailed: false);
        }

        Assert.Equal("not the cache's", File.ReadAllText(victim));
        Assert.Null(new FileInfo(FilePath).LinkTarget);
        using var after = Open();
        Assert.True(after.TryGet(Words, Key("b"), out var b));
        Assert.Equal(["b"], b);
    }

    [Fact]
    public void A_cache_that_cannot_be_written_is_not_an_error_and_the_last_one_stays()
    {
        using (var first = Open())
        {
            first.Put(Words, Key("a"), ["kept"]);
            first.Save(buildFailed: false);
        }

        var (values, index) = (File.ReadAllBytes(FilePath), File.ReadAllBytes(IndexPath));
        using (var full = BuildCache.Open(_folder, read: true, write: true, path => new FullDisk(path)))
        {
            Assert.True(full.TryGet(Words, Key("a"), out _));
            full.Put(Words, Key("small"), ["small"]);
            full.Put(Numbers, Key("large"), [.. Enumerable.Range(0, 10_000)]);
            full.Save(buildFailed: false);
        }

        Assert.Equal(values, File.ReadAllBytes(FilePath));
        Assert.Equal(index, File.ReadAllBytes(IndexPath));
        using var next = Open();
        Assert.True(next.TryGet(Words, Key("a"), out var kept));
        Assert.Equal(["kept"], kept);
        Assert.False(next.TryGet(Words, Key("small"), out _));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void Values_put_from_many_threads_all_come_back()
    {
        using (var first = Open())
        {
            Parallel.For(0, 2000, i => first.Put(Numbers, Key($"n{i}"), [i, i * 2]));
            first.Save(buildFailed: false);
        }

        using var second = Open();
        Assert.All(Enumerable.Range(0, 2000), i =>
        {
            Assert.True(second.TryGet(Numbers, Key($"n{i}"), out var value));
            Assert.Equal([i, i * 2], value);
        });
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x5A;
        return copy;
    }

    /// <summary>A file on a full disk: every write fails.</summary>
    private sealed class FullDisk(string path) : FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite)
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");
    }
}
