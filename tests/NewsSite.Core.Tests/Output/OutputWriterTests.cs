using NewsSite.Caching;
using NewsSite.Output;

namespace NewsSite.Tests.Output;

public sealed class OutputWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"));

    private string OutputFolder => Path.Combine(_root, "out");

    [Fact]
    public void Nothing_reaches_the_output_folder_until_commit()
    {
        using (var writer = OutputWriter.Begin(OutputFolder, BuildCache.None))
        {
            Assert.True(writer.TryWrite("a/index.html", "new"));
            Assert.False(Directory.Exists(OutputFolder));
            writer.Commit();
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(OutputFolder, "a/index.html")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Commit_replaces_the_previous_output_whole_and_stale_files_go()
    {
        Directory.CreateDirectory(OutputFolder);
        File.WriteAllText(Path.Combine(OutputFolder, "stale.html"), "old");
        using (var writer = OutputWriter.Begin(OutputFolder, BuildCache.None))
        {
            writer.TryWrite("index.html", "fresh");
            writer.Commit();
        }

        Assert.Equal(["index.html"], Directory.GetFiles(OutputFolder).Select(Path.GetFileName));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Disposing_without_commit_leaves_the_previous_output_and_no_staging_folder()
    {
        Directory.CreateDirectory(OutputFolder);
        File.WriteAllText(Path.Combine(OutputFolder, "index.html"), "old");
        using (var writer = OutputWriter.Begin(OutputFolder, BuildCache.None))
        {
            writer.TryWrite("index.html", "new");
        }

        Assert.Equal("old", File.ReadAllText(Path.Combine(OutputFolder, "index.html")));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void A_path_can_be_claimed_once()
    {
        using var writer = OutputWriter.Begin(OutputFolder, BuildCache.None);
        Assert.True(writer.TryWrite("x.html", "1"));
        Assert.False(writer.TryWrite("x.html", "2"));
    }

    [Fact]
    public void Writing_outside_the_staging_folder_is_refused()
    {
        using var writer = OutputWriter.Begin(OutputFolder, BuildCache.None);
        Assert.Throws<InvalidOperationException>(() => writer.TryWrite("../escape.html", "x"));
        Assert.False(File.Exists(Path.Combine(_root, "escape.html")));
    }

    [Fact]
    public void Staging_folders_of_dead_builds_are_swept()
    {
        var stale = Path.Combine(_root, ".out.staging-999999999-abc");
        Directory.CreateDirectory(stale);
        using (var writer = OutputWriter.Begin(OutputFolder, BuildCache.None))
        {
            writer.Commit();
        }

        Assert.False(Directory.Exists(stale));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
