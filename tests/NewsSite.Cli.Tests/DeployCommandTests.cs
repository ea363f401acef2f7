using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

/// <summary>
/// <c>newssite deploy</c> from the command line: its errors and exit codes, its JSON for CI, and a deploy process
/// killed midway that the next run completes. The bucket is a real s3rver on 127.0.0.1.
/// </summary>
public sealed class DeployCommandTests : IDisposable
{
    private const string Articles = """
        -- content/world/quake.md --
        ---
        headline: Quake shakes the coast
        date: 2025-01-02
        ---
        The ground moved.
        -- content/business/ports.md --
        ---
        headline: Ports report record trade
        date: 2025-01-04
        ---
        Ships came in.
        """;

    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }
    }

    [Fact]
    public void Without_deploy_settings_deploy_fails_with_an_error_at_site_yaml()
    {
        using var site = TestSite.Create(Articles);
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--quiet").ExitCode);

        var result = CliRunner.Run("deploy", "--source", site.Source, "--output", site.Output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("site.yaml:1:1: error NS0801: site.yaml has no 'deploy' settings; add deploy: { bucket: my-bucket, region: eu-west-1 }", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_in_site_yaml_stops_the_deploy_with_an_error_at_its_line()
    {
        using var site = TestSite.Create(Articles + "\n-- site.yaml --\ntitle: T\ndeploy:\n  bucket: news-site\n  region: eu-west-1\n  aws_secret_access_key: wJalrXUtnFEMI\n");

        var result = CliRunner.Run("deploy", "--source", site.Source, "--output", site.Output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("site.yaml:5:3: error NS0504: 'deploy.aws_secret_access_key' looks like a credential", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalrXUtnFEMI", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_that_was_never_built_is_refused()
    {
        using var site = TestSite.Create(Articles + "\n-- site.yaml --\ntitle: T\ndeploy:\n  bucket: news-site\n  endpoint: http://127.0.0.1:9\n");

        var result = CliRunner.Run("deploy", "--source", site.Source, "--output", site.Output);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"error NS0802: the output folder '{site.Output}' does not exist; build the site first (newssite build)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_deploy_says_which_variables_to_set()
    {
        using var site = TestSite.Create(Articles + "\n-- site.yaml --\ntitle: T\ndeploy:\n  bucket: news-site\n  endpoint: http://127.0.0.1:9\n");
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--quiet").ExitCode);
        var home = Path.Combine(site.Root, "home");
        Directory.CreateDirectory(home);

        // A process of its own: the SDK's credential chain reads the process environment and ~/.aws.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "newssite.dll"), "deploy", "--source", site.Source, "--output", site.Output })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = home;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = await child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        await stdout;

        Assert.True(child.ExitCode == 1, $"exit {child.ExitCode}: {stderr}");
        Assert.Contains("error NS0803: cannot list the bucket in s3://news-site/ at http://127.0.0.1:9/: no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--format", "yaml")]
    public void Wrong_options_are_usage_errors(string option, string value)
    {
        using var site = TestSite.Create(Articles);

        Assert.Equal(2, CliRunner.Run("deploy", "--source", site.Source, option, value).ExitCode);
    }

    [FactNeeding(SystemTool.S3rver)]
    public void Deploy_writes_json_for_ci_with_the_urls_to_purge_under_the_base_url_and_a_dry_run_lists_changes()
    {
        var (site, s3) = Start();
        var setup = new CliSetup { Environment = S3Server.Environment };
        var first = CliRunner.Run(setup, "deploy", "--source", site.Source, "--output", site.Output, "--format", "json");
        site.WriteFile("content/world/quake.md", "---\nheadline: Quake shakes the coast\ndate: 2025-01-02\n---\nThe ground moved again.\n");
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--quiet").ExitCode);

        var dry = CliRunner.Run(setup, "deploy", "--source", site.Source, "--output", site.Output, "--dry-run");
        var second = CliRunner.Run(setup, "deploy", "--source", site.Source, "--output", site.Output, "--format", "json");

        Assert.True(first.ExitCode == 0, first.ToString());
        using var firstJson = JsonDocument.Parse(first.Out);
        Assert.True(firstJson.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(firstJson.RootElement.GetProperty("files").GetInt32(), firstJson.RootElement.GetProperty("uploaded").GetArrayLength());

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("dry run for s3://site/news/", dry.Out, StringComparison.Ordinal);
        Assert.Contains("  upload world/2025/01/02/quake/index.html\n", dry.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("upload business/2025/01/04/ports/index.html", dry.Out, StringComparison.Ordinal);

        Assert.True(second.ExitCode == 0, second.ToString());
        using var json = JsonDocument.Parse(second.Out);
        var uploaded = json.RootElement.GetProperty("uploaded").EnumerateArray().Select(e => e.GetString()).ToList();
        var purge = json.RootElement.GetProperty("purge").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("world/2025/01/02/quake/index.html", uploaded);
        Assert.DoesNotContain("business/2025/01/04/ports/index.html", uploaded);
        Assert.Contains("https://news.example/world/2025/01/02/quake/", purge);
        Assert.All(purge, url => Assert.StartsWith("https://news.example/", url, StringComparison.Ordinal));
        Assert.Equal(uploaded.Count, json.RootElement.GetProperty("files").GetInt32() - json.RootElement.GetProperty("unchanged").GetInt32());
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task A_deploy_process_killed_after_some_uploads_leaves_no_manifest_and_the_next_deploy_finishes_sending_only_the_rest()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The child is stepped with SIGSTOP.
        }

        var (site, s3, child, stdout, stderr, reached) = await StopDeployMidway();
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        await stdout;
        Assert.True(reached, "the deploy ended before it had uploaded five files: " + await stderr);
        var midway = await s3.ObjectsAsync("news/");
        Assert.DoesNotContain(".newssite-deploy.json.gz", midway.Keys);

        var rerun = CliRunner.Run(new CliSetup { Environment = S3Server.Environment }, "deploy", "--source", site.Source, "--output", site.Output, "--format", "json");

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        using var json = JsonDocument.Parse(rerun.Out);
        var files = json.RootElement.GetProperty("files").GetInt32();
        var verified = json.RootElement.GetProperty("verified").GetInt32();
        Assert.True(verified >= midway.Count - 1, $"{verified} objects verified, {midway.Count} were in the bucket (one may have been cut off)");
        Assert.Equal(files, json.RootElement.GetProperty("uploaded").GetArrayLength() + verified);
        var final = await s3.ObjectsAsync("news/");
        Assert.Equal(files + 1, final.Count);
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(site.Output, file).Replace('\\', '/');
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(final[key]), key);
        }
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task Ctrl_c_stops_a_deploy_with_exit_130_before_it_deletes_anything_or_writes_the_manifest()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // The child is stepped with SIGSTOP.
        }

        var (_, s3, child, stdout, stderr, reached) = await StopDeployMidway();
        await Signal("INT", child.Id);
        await Signal("CONT", child.Id);
        using (var hang = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
        {
            await child.WaitForExitAsync(hang.Token); // a guard against a hang, not a timing
        }

        await stdout;
        Assert.True(reached, "the deploy ended before it had uploaded five files: " + await stderr);
        Assert.True(child.ExitCode == 130, $"exit {child.ExitCode}: {await stderr}");
        Assert.Contains("deploy stopped: nothing was deleted and the bucket's manifest was not written; run deploy again to finish", await stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".newssite-deploy.json.gz", (await s3.ObjectsAsync("news/")).Keys);
    }

    /// <summary>
    /// A deploy of 40 articles in a child process, stopped (SIGSTOP) once the bucket holds five of its objects: no
    /// timing involved. <c>Reached</c> is false when the deploy ended first.
    /// </summary>
    private async Task<(TestSite Site, S3Server S3, Process Child, Task<string> Stdout, Task<string> Stderr, bool Reached)> StopDeployMidway()
    {
        var (site, s3) = Start(articles: 40);
        var child = StartChild(site);
        _owned.Add(child);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        var reached = await ChildStepper.StopWhen(child.Id, () => s3.KeysAsync("news/").GetAwaiter().GetResult().Count >= 5);
        return (site, s3, child, stdout, stderr, reached);
    }

    private static async Task Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private (TestSite Site, S3Server S3) Start(int articles = 0)
    {
        var s3 = S3Server.Start();
        _owned.Add(s3);
        var extra = string.Concat(Enumerable.Range(0, articles).Select(i => string.Create(
            CultureInfo.InvariantCulture,
            $"-- content/world/story-{i:D3}.md --\n---\nheadline: Story {i}\ndate: 2025-02-{1 + (i % 28):D2}\n---\nBody of story {i}.\n")));
        var site = TestSite.Create(Articles + "\n" + extra + $"-- site.yaml --\ntitle: T\nbase_url: https://news.example/\ndeploy:\n  bucket: {S3Server.Bucket}\n  endpoint: {s3.Endpoint}\n  prefix: news\n");
        _owned.Add(site);
        var build = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--quiet");
        Assert.True(build.ExitCode == 0, build.ToString());
        return (site, s3);
    }

    private static Process StartChild(TestSite site)
    {
        // A test run started in the background (a script's `&`, nohup) passes SIGINT on as ignored, and a process
        // that starts with it ignored keeps ignoring it: env gives the deploy the default back, as a terminal would.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "newssite.dll"), "deploy", "--source", site.Source, "--output", site.Output, "--workers", "1", "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in S3Server.Environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
