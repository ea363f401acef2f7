using NewsSite.Caching;
using NewsSite.Output;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd.HostileBuilds;

/// <summary>
/// The build replaces its output folder whole: it refuses a folder that is not a plain folder of its own (someone
/// else's files, a file, a link that loops, a mount point) and one that another build is writing, with an error
/// that says which, and leaves whatever is there as it was.
/// </summary>
public sealed class OutputFolderTests
{
    private const string Fixture = """
        -- content/world/quake.md --
        ---
        headline: Quake shakes the coast
        date: 2025-12-31T09:00:00Z
        ---
        Body.
        """;

    [Fact]
    public void A_folder_of_someone_elses_files_is_refused_and_kept()
    {
        using var site = TestSite.Create(Fixture);
        Directory.CreateDirectory(Path.Combine(site.Output, "photos"));
        File.WriteAllText(Path.Combine(site.Output, "photos", "wedding.jpg"), "precious");
        var before = OutputHashes.Of(site.Output);

        var built = site.Build();

        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic($"error NS0601: the output folder '{site.Output}' holds files that NewsSite did not write (there is no .out.newssite/ beside it), and a build would delete them all; choose an empty or new folder, or pass --force to replace it");
        Assert.Equal(before, OutputHashes.Of(site.Output));
    }

    [Fact]
    public void Force_replaces_a_folder_of_someone_elses_files_and_later_builds_need_no_force()
    {
        using var site = TestSite.Create(Fixture);
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "stray.txt"), "old");

        site.Build(o => o with { Force = true }).AssertSucceeded();
        Assert.False(File.Exists(Path.Combine(site.Output, "stray.txt")));
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));

        site.WriteFile("content/world/other.md", "---\nheadline: Other\ndate: 2025-12-30\n---\nBody\n");
        site.Build().AssertSucceeded();
    }

    [Fact]
    public void An_empty_folder_is_built_into()
    {
        using var site = TestSite.Create(Fixture);
        Directory.CreateDirectory(site.Output);
        site.Build().AssertSucceeded();
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
    }

    [Fact]
    public void A_second_build_while_one_holds_the_lock_fails_at_once_and_writes_nothing()
    {
        using var site = TestSite.Create(Fixture);
        site.Build().AssertSucceeded();
        var before = OutputHashes.Of(site.Output);
        site.WriteFile("content/world/other.md", "---\nheadline: Other\ndate: 2025-12-30\n---\nBody\n");

        using (BuildLock.TryTake(CacheFolder.Of(site.Output)))
        {
            var second = site.Build();
            Assert.False(second.Result.Succeeded);
            second.AssertDiagnostic($"error NS0603: another build is writing the output folder '{site.Output}' (from another terminal or CI job); wait for it to finish, or choose another --output");
            Assert.Equal(before, OutputHashes.Of(site.Output));
        }

        site.Build().AssertSucceeded();
        Assert.NotEqual(before, OutputHashes.Of(site.Output));
    }

    [Fact]
    public void An_output_path_that_is_a_symbolic_link_loop_is_refused()
    {
        using var site = TestSite.Create(Fixture);
        File.CreateSymbolicLink(site.Output, site.Output);

        var built = site.Build();

        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic($"error NS0601: the output folder '{site.Output}' is a symbolic link that leads to no folder (a loop, or a missing target); remove it or choose another --output");
    }

    [Fact]
    public void An_output_path_under_a_symbolic_link_loop_is_an_error_not_a_crash()
    {
        using var site = TestSite.Create(Fixture);
        var loop = Path.Combine(site.Root, "loop");
        File.CreateSymbolicLink(loop, loop);

        var built = site.Build(o => o with { OutputRoot = Path.Combine(loop, "site") });

        Assert.False(built.Result.Succeeded);
        var error = Assert.Single(built.Diagnostics);
        Assert.Equal("NS0601", error.Code);
        Assert.StartsWith($"cannot write the output folder '{Path.Combine(loop, "site")}': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_refused_and_kept()
    {
        using var site = TestSite.Create(Fixture);
        File.WriteAllText(site.Output, "notes");

        var built = site.Build();

        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic($"error NS0601: the output folder '{site.Output}' is a file, not a folder; remove it or choose another --output");
        Assert.Equal("notes", File.ReadAllText(site.Output));
    }

    [Fact]
    public void A_mount_point_is_refused_before_anything_is_written()
    {
        // /proc is a mount point on every Linux system; elsewhere the swap's own error names it.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var site = TestSite.Create(Fixture);
        var built = site.Build(o => o with { OutputRoot = "/proc", Force = true });

        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic("error NS0601: the output folder '/proc' is a mount point: a build puts the finished site in place by renaming it, which a mount point does not allow; build into a folder inside it, such as /proc/site");
        Assert.Empty(Directory.GetDirectories("/", ".proc.*"));
    }

    [Fact]
    public void An_empty_output_path_is_an_error_not_a_crash()
    {
        using var site = TestSite.Create(Fixture);
        var built = site.Build(o => o with { OutputRoot = "" });
        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic("error NS0601: the output folder is an empty path; name a folder such as _site");
    }
}
