using System.Diagnostics;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

/// <summary>
/// Runs the real command-line program as a child process with the machine's time zone (TZ) and locale set to
/// different values: dates and times must come from site.yaml's zone only.
/// </summary>
public sealed class MachineTimeZoneTests
{
    private static readonly string[] MachineZones = ["UTC", "America/Los_Angeles", "Asia/Kolkata"];

    // Dates without offsets, date-only articles at midnight, an instant close to midnight, an update across the
    // DST change and a scheduled article: everything whose output a machine zone could shift.
    private const string Fixture = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        time_zone: America/New_York
        page_size: 2
        -- content/world/date-only.md --
        ---
        headline: Date Only
        date: 2025-03-09
        corrections:
          - { date: 2025-03-09T08:00, text: A figure was wrong. }
        ---
        Body.
        -- content/world/late-night.md --
        ---
        headline: Late Night
        date: 2025-03-31T23:45
        updated: 2025-04-01T00:15
        ---
        Body.
        -- content/world/utc-given.md --
        ---
        headline: Given in UTC
        date: 2025-01-01T03:00:00Z
        ---
        Body.
        -- content/politics/across-dst.md --
        ---
        headline: Across the Change
        date: 2025-03-08T23:30
        updated: 2025-03-09T03:30
        ---
        Body.
        -- content/politics/year-end.md --
        ---
        headline: Year End
        date: 2024-12-31T23:59:59
        ---
        Body.
        -- content/politics/scheduled.md --
        ---
        headline: Scheduled
        date: 2026-06-01T06:00
        expires: 2026-07-01
        ---
        Body.
        """;

    [FactNeeding(SystemTool.TimeZoneData)]
    public async Task The_same_content_built_under_different_machine_time_zones_is_byte_identical()
    {
        foreach (var zone in MachineZones)
        {
            // Without the zone data the TZ variable would be ignored and this test would prove nothing.
            Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), $"the machine has no time zone data for {zone} (install tzdata)");
        }

        using var site = TestSite.Create(Fixture);
        var locales = new[] { "C.UTF-8", "en_US.UTF-8", "de_DE.UTF-8" };

        // The zones' builds are independent (an output folder each): side by side, the child processes' start-up
        // overlaps instead of adding up.
        var outputs = await Task.WhenAll(MachineZones.Select((zone, i) => Task.Run(() =>
        {
            var output = Path.Combine(site.Root, "out-" + i);
            var environment = new Dictionary<string, string>
            {
                ["TZ"] = zone,
                ["LANG"] = locales[i],
                ["SOURCE_DATE_EPOCH"] = "1767225600", // 2026-01-01T00:00:00Z
            };

            var build = RunProgram(environment, "build", "--source", site.Source, "--output", output);
            Assert.True(build.ExitCode == 0, $"TZ={zone}: exit {build.ExitCode}\n{build.Error}");
            Assert.Contains("next scheduled change 2026-06-01T06:00:00-04:00 (content/politics/scheduled.md goes-live)", build.Out, StringComparison.Ordinal);

            var schedule = RunProgram(environment, "schedule", "--source", site.Source, "--format", "json");
            Assert.True(schedule.ExitCode == 0, $"TZ={zone}: exit {schedule.ExitCode}\n{schedule.Error}");
            return (Zone: zone, Hashes: OutputHashes.Of(output), Schedule: schedule.Out);
        })));

        var (_, first, firstSchedule) = outputs[0];
        Assert.True(first.Count > 20, "the build wrote too few files to compare");
        Assert.Contains("world/2025/03/09/date-only/index.html", first.Keys);
        Assert.Contains("world/2025/03/31/late-night/index.html", first.Keys);
        Assert.Contains("world/2024/12/31/utc-given/index.html", first.Keys);
        Assert.Contains("politics/2024/12/31/year-end/index.html", first.Keys);
        foreach (var (zone, hashes, schedule) in outputs.Skip(1))
        {
            Assert.Equal(first.Keys, hashes.Keys);
            var different = first.Keys.Where(k => first[k] != hashes[k]).ToList();
            Assert.True(different.Count == 0, $"TZ={zone} changed: {string.Join(", ", different)}");
            Assert.Equal(firstSchedule, schedule);
        }
    }

    private static (int ExitCode, string Out, string Error) RunProgram(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "newssite.dll");
        Assert.True(File.Exists(program), $"{program} is missing; the test project references the Cli project, which puts it there");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("LC_ALL");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A hang guard only: far beyond the time any machine needs.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"newssite {string.Join(' ', args)} did not finish in 10 minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The dotnet host running these tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
