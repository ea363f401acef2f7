using System.Diagnostics;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

/// <summary>
/// Hostile or careless command lines get an error and exit 1 or 2, never an internal error (exit 70), and a
/// failed build leaves the previous output as it was.
/// </summary>
public sealed class HostileBuildTests
{
    private const string Fixture = """
        -- content/world/quake.md --
        ---
        headline: Quake shakes the coast
        date: 2025-12-31T09:00:00Z
        ---
        Live.
        -- content/world/later.md --
        ---
        headline: Embargoed until the evening
        date: 2026-01-01T18:00:00Z
        ---
        Not yet.
        """;

    [Fact]
    public void A_preview_with_a_later_now_is_followed_by_a_real_build_not_by_up_to_date()
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        var preview = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--now", "2026-01-02T00:00:00Z");
        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.True(File.Exists(Path.Combine(site.Output, "world/2026/01/01/later/index.html")));

        var real = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);

        Assert.True(real.ExitCode == 0, real.ToString());
        Assert.DoesNotContain("up to date", real.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Output, "world/2026/01/01/later/index.html")));
    }

    [Fact]
    public void A_preview_with_a_later_source_date_epoch_is_followed_by_a_real_build()
    {
        using var site = TestSite.Create(Fixture);
        site.Settle();
        var epoch = new CliSetup { Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["SOURCE_DATE_EPOCH"] = "1767312000" } };
        Assert.Equal(0, CliRunner.Run(epoch, "build", "--source", site.Source, "--output", site.Output).ExitCode);
        Assert.True(File.Exists(Path.Combine(site.Output, "world/2026/01/01/later/index.html")));

        var real = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);

        Assert.DoesNotContain("up to date", real.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.Output, "world/2026/01/01/later/index.html")));
    }

    public static TheoryData<string[], Dictionary<string, string>, string> BadClocks() => new()
    {
        { ["--now", "9999-12-31T23:59:59Z"], [], "error: --now must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z, not '9999-12-31T23:59:59Z'" },
        { ["--now", "9999-12-31T23:59:59-05:00"], [], "error: --now must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z, not '9999-12-31T23:59:59-05:00'" },
        { ["--now", "0001-01-01T00:00:00+14:00"], [], "error: --now must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z, not '0001-01-01T00:00:00+14:00'" },
        { [], new() { ["SOURCE_DATE_EPOCH"] = "999999999999999" }, "error: SOURCE_DATE_EPOCH must name a moment between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z (-62104060800 to 253370764799), not '999999999999999'" },
        { [], new() { ["SOURCE_DATE_EPOCH"] = "253402300799" }, "error: SOURCE_DATE_EPOCH must name a moment between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z (-62104060800 to 253370764799), not '253402300799'" },
        { [], new() { ["SOURCE_DATE_EPOCH"] = "-99999999999" }, "error: SOURCE_DATE_EPOCH must name a moment between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z (-62104060800 to 253370764799), not '-99999999999'" },
    };

    [Theory]
    [MemberData(nameof(BadClocks))]
    public void A_clock_out_of_range_is_a_usage_error(string[] options, Dictionary<string, string> environment, string expected)
    {
        using var site = TestSite.Create(Fixture);
        var result = CliRunner.Run(new CliSetup { Environment = environment }, ["build", "--source", site.Source, "--output", site.Output, .. options]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(expected + "\n", result.Error);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void An_empty_output_is_a_usage_error()
    {
        using var site = TestSite.Create(Fixture);
        var result = CliRunner.Run("build", "--source", site.Source, "--output", "");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("error: --output is empty; name a folder such as _site\n", result.Error);
    }

    [Fact]
    public void A_source_that_is_a_symbolic_link_loop_is_a_usage_error()
    {
        using var site = TestSite.Create(Fixture);
        var loop = Path.Combine(site.Root, "loop");
        File.CreateSymbolicLink(loop, loop);
        var result = CliRunner.Run("build", "--source", loop, "--output", site.Output);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal($"error: the site folder '{loop}' is a symbolic link that leads to no folder (a loop, or a missing target)\n", result.Error);
    }

    [Fact]
    public void A_folder_of_someone_elses_files_needs_force()
    {
        using var site = TestSite.Create(Fixture);
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "thesis.tex"), "years of work");

        var refused = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("pass --force to replace it", refused.Error, StringComparison.Ordinal);
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(site.Output, "thesis.tex")));

        var forced = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.False(File.Exists(Path.Combine(site.Output, "thesis.tex")));
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", site.Output).ExitCode);
    }

    [Fact]
    public void The_default_output_folder_builds_again_and_again()
    {
        using var site = TestSite.Create(Fixture);
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source).ExitCode);
        site.WriteFile("content/world/other.md", "---\nheadline: Other\ndate: 2025-12-30\n---\nBody\n");
        var again = CliRunner.Run("build", "--source", site.Source);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(File.Exists(Path.Combine(site.Source, "_site", "world/2025/12/30/other/index.html")));
    }

    [Fact]
    public void A_full_disk_fails_the_build_says_so_and_keeps_the_previous_output()
    {
        using var site = TestSite.Create(Fixture);
        using var disk = TinyDisk.Mount(Path.Combine(site.Root, "disk"), "1m", readOnly: false);
        if (disk is null)
        {
            return; // Mounting needs root (CI runs as root); without it there is no full disk to build onto.
        }

        var output = Path.Combine(disk.Path, "site");
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", output).ExitCode);
        var before = OutputHashes.Of(output);

        // A file bigger than what is left on the disk: the staging folder cannot hold it.
        site.WriteBytes("content/world/big.pdf", new byte[2_000_000]);
        var full = CliRunner.Run("build", "--source", site.Source, "--output", output);

        Assert.True(full.ExitCode == 1, full.ToString());
        Assert.Matches($"^error NS0601: cannot write the output folder '{output}': the disk is full \\(.+\\)\n", full.Error);
        Assert.DoesNotContain("internal error", full.Error, StringComparison.Ordinal);
        Assert.Equal(before, OutputHashes.Of(output));
        Assert.Empty(Directory.GetDirectories(disk.Path, ".site.staging-*"));
    }

    [Fact]
    public void A_read_only_file_system_fails_the_build_and_says_so()
    {
        using var site = TestSite.Create(Fixture);
        using var disk = TinyDisk.Mount(Path.Combine(site.Root, "disk"), "64k", readOnly: true);
        if (disk is null)
        {
            return; // As above: mounting needs root.
        }

        var output = Path.Combine(disk.Path, "site");
        var result = CliRunner.Run("build", "--source", site.Source, "--output", output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"error NS0601: cannot write the output folder '{output}': the file system is read-only ({Path.Combine(disk.Path, ".site.newssite")})\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mount_point_as_output_is_refused_and_kept()
    {
        using var site = TestSite.Create(Fixture);
        using var disk = TinyDisk.Mount(Path.Combine(site.Root, "disk"), "256k", readOnly: false);
        if (disk is null)
        {
            return; // As above: mounting needs root.
        }

        File.WriteAllText(Path.Combine(disk.Path, "keep.txt"), "kept");
        var result = CliRunner.Run("build", "--source", site.Source, "--output", disk.Path, "--force");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"error NS0601: the output folder '{disk.Path}' is a mount point: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("kept", File.ReadAllText(Path.Combine(disk.Path, "keep.txt")));
        Assert.Empty(Directory.GetDirectories(site.Root, ".disk.*"));
    }

    /// <summary>A small tmpfs mounted for one test; null where this process may not mount one.</summary>
    private sealed class TinyDisk : IDisposable
    {
        private TinyDisk(string path) => Path = path;

        public string Path { get; }

        public static TinyDisk? Mount(string path, string size, bool readOnly)
        {
            if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            {
                return null;
            }

            Directory.CreateDirectory(path);
            return Run("mount", "-t", "tmpfs", "-o", $"size={size}{(readOnly ? ",ro" : "")}", "tmpfs", path) ? new TinyDisk(path) : null;
        }

        public void Dispose() => Run("umount", Path);

        private static bool Run(string command, params string[] arguments)
        {
            var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
    }
}
