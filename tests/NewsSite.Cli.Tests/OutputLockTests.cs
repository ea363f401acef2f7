using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

/// <summary>
/// One build at a time per output folder, between real processes: a second build while the first holds the
/// folder fails at once with exit 1 and touches nothing; a build killed with SIGKILL while holding it does not
/// block the next. The first build is frozen (SIGSTOP) while it holds the lock, so nothing depends on how fast
/// the machine is.
/// </summary>
public sealed class OutputLockTests : IDisposable
{
    private const string Now = "2026-01-01T12:00:00Z";
    private const int ArticleCount = 300;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "newssite-lock", Guid.NewGuid().ToString("N"));

    private string Source => Path.Combine(_root, "site");

    private string Output => Path.Combine(_root, "out");

    [Fact]
    public async Task A_second_build_fails_at_once_while_the_first_holds_the_folder_and_a_killed_build_does_not_block()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // SIGSTOP freezes the first build; Windows has no such signal.
        }

        CreateSite();
        var first = await RunChild("--quiet");
        Assert.True(first.Code == 0, first.Error);
        var previous = Snapshot(Output);

        // A clean build writes a staging folder from scratch; once it has one, it holds the lock. Freeze it there.
        File.AppendAllText(Path.Combine(Source, "content/world/article-0000.md"), "\nAn edit.\n");
        using var holder = StartChild("--clean", "--quiet");
        try
        {
            await WaitForStaging(holder);
            Signal("STOP", holder.Id);

            var second = await RunChild();

            Assert.True(second.Code == 1, $"exit {second.Code}\n{second.Error}");
            Assert.Contains($"error NS0603: another build is writing the output folder '{Output}'", second.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", second.Error, StringComparison.Ordinal);
            Assert.Equal(previous, Snapshot(Output));
            Assert.Single(Directory.GetDirectories(_root, ".out.staging-*"));
        }
        finally
        {
            // Killed while frozen with the lock held: it never gets to release it.
            holder.Kill();
            await holder.WaitForExitAsync();
        }

        Assert.Equal(previous, Snapshot(Output));
        var next = await RunChild("--quiet");
        Assert.True(next.Code == 0, $"the build after the kill failed with {next.Code}:\n{next.Error}");
        Assert.Contains("An edit.", File.ReadAllText(Path.Combine(Output, "world/2025/01/01/article-0000/index.html")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(_root, ".out.staging-*"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void CreateSite()
    {
        Directory.CreateDirectory(Path.Combine(Source, "content/world"));
        File.WriteAllText(Path.Combine(Source, "site.yaml"), "title: Lock Times\nbase_url: https://news.example/\n");
        for (var i = 0; i < ArticleCount; i++)
        {
            File.WriteAllText(
                Path.Combine(Source, "content/world", string.Create(CultureInfo.InvariantCulture, $"article-{i:D4}.md")),
                string.Create(CultureInfo.InvariantCulture, $"---\nheadline: Article {i}\ndate: 2025-01-{1 + (i % 28):D2}\ntags: [tag-{i % 20}]\n---\nBody of article {i}, with *emphasis*.\n"));
        }
    }

    private async Task WaitForStaging(Process holder)
    {
        // Stepped, so that however fast the machine, the build is caught (and left stopped) with its staging folder.
        var prefix = string.Create(CultureInfo.InvariantCulture, $".out.staging-{holder.Id}-*");
        Assert.True(
            await ChildStepper.StopWhen(holder.Id, () => Directory.GetDirectories(_root, prefix).Length > 0),
            $"the first build ended before it made its staging folder (exit {(holder.HasExited ? holder.ExitCode : -1)})");
    }

    private Process StartChild(params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "newssite.dll"), "build", "--source", Source, "--output", Output, "--now", Now }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start)!;

        // Drained as it runs: a full pipe would block the child.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private async Task<(int Code, string Error)> RunChild(params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "newssite.dll"), "build", "--source", Source, "--output", Output, "--now", Now }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);
}
