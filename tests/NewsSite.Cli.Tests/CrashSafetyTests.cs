using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NewsSite.Tests.TestSupport;
using Xunit.Abstractions;

namespace NewsSite.Tests;

/// <summary>
/// A build killed at any moment (SIGKILL, no chance to clean up) leaves the previous site exactly as it was,
/// and the next build succeeds. The CLI runs as a child process on a site of 600 articles (about 1,000 files) and is
/// killed at points counted in files staged, never in milliseconds, so where a kill lands does not depend on the
/// machine's speed: as it starts, with the first file staged, a quarter, half, and every file staged (just before or
/// after the swap).
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper log) : IDisposable
{
    private const string Now = "2026-01-01T12:00:00Z";
    private const int ArticleCount = 600;
    private static readonly string[] Sections = ["world", "politics", "business", "sport", "science"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "newssite-crash", Guid.NewGuid().ToString("N"));

    private void CreateSite()
    {
        Directory.CreateDirectory(Source);
        File.WriteAllText(Path.Combine(Source, "site.yaml"), "title: Crash Times\nbase_url: https://news.example/\n");
        for (var i = 0; i < ArticleCount; i++)
        {
            WriteArticle(i, $"Article number {i}");
        }
    }

    private string Source => Path.Combine(_root, "site");

    private string Output => Path.Combine(_root, "out");

    [Fact]
    public async Task A_build_killed_at_any_point_leaves_the_previous_output_and_the_next_build_succeeds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The child is stepped with SIGSTOP and SIGCONT and watched through /proc.
        }

        CreateSite();
        Assert.Equal(0, Build(Output));
        var previous = Snapshot(Output);
        Assert.True(previous.Count > ArticleCount, $"only {previous.Count} files were written");

        // The next build changes pages: an edited headline and a new article (new lists, new pagination).
        WriteArticle(7, "An edited headline");
        WriteArticle(ArticleCount, "A late addition");
        var expectedNext = Path.Combine(_root, "expected");
        Assert.Equal(0, Build(expectedNext));
        var next = Snapshot(expectedNext);
        Assert.NotEqual(Fingerprint(previous), Fingerprint(next));

        var killedWhileStaging = 0;
        var kills = new List<string>();
        var stagedCounts = new[] { 1, next.Count / 4, next.Count / 2 };
        foreach (var files in stagedCounts)
        {
            // Midway: once the staging folder holds this many files, with hundreds still to write. These come first:
            // the builds after a completed one write into the spare tree, not a staging folder.
            var stagingSeen = await KillChildBuild(pid => WaitForStagingFiles(pid, files));
            kills.Add(Describe($"with {files}+ staged files", stagingSeen));
            killedWhileStaging += AssertPreviousOrComplete(previous, next, stagingSeen) ? 1 : 0;
        }

        kills.ForEach(log.WriteLine);
        Assert.True(killedWhileStaging == stagedCounts.Length, "a kill midway did not find the staging folder: " + string.Join("; ", kills));

        // At the edges: before the build has read anything, and with every file staged (the swap just before or after).
        foreach (var (when, killAfter) in new (string, Func<int, Task>)[] { ("as it starts", _ => Task.CompletedTask), ("with every file staged", pid => WaitForStagingFiles(pid, next.Count)) })
        {
            var stagingSeen = await KillChildBuild(killAfter);
            log.WriteLine(Describe(when, stagingSeen));
            AssertPreviousOrComplete(previous, next, stagingSeen);
        }

        // The next build sweeps the dead builds' staging folders and succeeds.
        var (code, _, error) = await RunChild(Output, killAfter: null);
        Assert.True(code == 0, $"the build after the kills failed with {code}:\n{error}");
        Assert.Equal(Fingerprint(next), Fingerprint(Snapshot(Output)));
        Assert.Empty(StagingFolders());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The output is byte for byte the previous site, or (when the kill came after the swap) the new one.</summary>
    /// <returns>Whether the kill landed mid-build: staging folder present and the previous site still in place.</returns>
    private bool AssertPreviousOrComplete(Dictionary<string, string> previous, Dictionary<string, string> next, bool stagingSeen)
    {
        var now = Fingerprint(Snapshot(Output));
        Assert.True(now == Fingerprint(previous) || now == Fingerprint(next), "the output is neither the previous site nor the complete new one");
        return stagingSeen && now == Fingerprint(previous);
    }

    private static string Describe(string when, bool stagingSeen) => $"{when}: staging {(stagingSeen ? "present" : "absent")}";

    /// <summary>Starts a child build, waits for <paramref name="killAfter"/>, kills it; returns whether it was staging then.</summary>
    private async Task<bool> KillChildBuild(Func<int, Task> killAfter)
    {
        var (_, stagingSeen, _) = await RunChild(Output, killAfter);
        return stagingSeen == 1;
    }

    /// <summary>
    /// Until the build's staging folder holds <paramref name="count"/> files, or the build has ended. The child is
    /// counted while stopped and left stopped at the count, so no machine is fast enough to finish in between.
    /// </summary>
    private async Task WaitForStagingFiles(int pid, int count) =>
        await ChildStepper.StopWhen(pid, () => StagingFolders(pid).Sum(SafeCount) >= count);

    private static int SafeCount(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Staging folders of the output, of one build (by process id) or of any.</summary>
    private string[] StagingFolders(int? pid = null) =>
        Directory.GetDirectories(_root, pid is { } id ? string.Create(CultureInfo.InvariantCulture, $".out.staging-{id}-*") : ".out.staging-*");

    /// <returns>The exit code (or -1 when killed), 1 if a staging folder existed at the kill, and standard error.</returns>
    private async Task<(int Code, int StagingSeen, string Error)> RunChild(string output, Func<int, Task>? killAfter)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "newssite.dll"), "build", "--source", Source, "--output", output, "--now", Now, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var stagingSeen = 0;
        if (killAfter is not null)
        {
            await killAfter(process.Id);
            stagingSeen = StagingFolders(process.Id).Length > 0 && !process.HasExited ? 1 : 0;
            process.Kill(entireProcessTree: true);
        }

        // A hang guard only: far beyond the time any machine needs.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10)))
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        await stdout;
        return (killAfter is null ? process.ExitCode : -1, stagingSeen, await stderr);
    }

    private int Build(string output)
    {
        var (code, _, error) = CliRunner.Run("build", "--source", Source, "--output", output, "--now", Now, "--quiet");
        Assert.True(code == 0, error);
        return code;
    }

    private void WriteArticle(int number, string headline)
    {
        var section = Sections[number % Sections.Length];
        var body = new StringBuilder();
        for (var paragraph = 0; paragraph < 8; paragraph++)
        {
            body.Append(CultureInfo.InvariantCulture, $"Paragraph {paragraph} of article {number}, with *emphasis*, a [link](https://example.org/{number}/{paragraph}) and <abbr title=\"x\">HTML</abbr>.\n\n");
        }

        var folder = Path.Combine(Source, "content", section);
        Directory.CreateDirectory(folder);
        File.WriteAllText(
            Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"article-{number:D4}.md")),
            string.Create(CultureInfo.InvariantCulture, $"""
                ---
                headline: {headline}
                date: 2025-{1 + (number % 12):D2}-{1 + (number % 28):D2}T{number % 24:D2}:00:00Z
                tags: [tag-{number % 40}, topic-{number % 7}]
                authors: [Author {number % 15}]
                summary: Summary of article {number}.
                ---
                {body}
                """));
    }

    /// <summary>Every file of a folder, relative, with a hash of its bytes.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
                f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))),
                StringComparer.Ordinal)
            : [];

    private static string Fingerprint(Dictionary<string, string> snapshot) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', snapshot.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " " + p.Value)))));
}
