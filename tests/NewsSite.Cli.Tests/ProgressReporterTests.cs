using Microsoft.Extensions.Time.Testing;
using NewsSite.Cli;

namespace NewsSite.Tests;

public sealed class ProgressReporterTests
{
    private static (Terminal Terminal, StringWriter Out, StringWriter Error, FakeTimeProvider Clock) Setup()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return (new Terminal(output, error, clock, _ => null) { IsInteractive = true }, output, error, clock);
    }

    [Fact]
    public void A_short_build_shows_no_progress_line()
    {
        var (terminal, _, error, clock) = Setup();

        using (var progress = new ProgressReporter(terminal, verbose: false, progressLine: true, drawThread: false))
        {
            progress.Report(new BuildStage("writing pages", 3));
            clock.Advance(TimeSpan.FromMilliseconds(400));
            progress.Tick();
        }

        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void A_long_deploy_says_so_on_its_progress_line()
    {
        var (terminal, _, error, clock) = Setup();

        using var progress = new ProgressReporter(terminal, verbose: false, progressLine: true, drawThread: false, verb: "deploying");
        progress.Report(new BuildStage("uploading 12 of 40 files, 0.3 MB"));
        clock.Advance(TimeSpan.FromSeconds(2));
        progress.Tick();

        Assert.EndsWith("\rdeploying: uploading 12 of 40 files, 0.3 MB… 2.0 s", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_build_shows_its_stage_on_one_line_and_erases_it_at_the_end()
    {
        var (terminal, _, error, clock) = Setup();

        using (var progress = new ProgressReporter(terminal, verbose: false, progressLine: true, drawThread: false))
        {
            progress.Report(new BuildStage("writing pages", 5000));
            clock.Advance(TimeSpan.FromSeconds(1.5));
            progress.Tick();
            Assert.EndsWith("\rbuilding: writing pages (5000)… 1.5 s", error.ToString(), StringComparison.Ordinal);
        }

        var text = error.ToString();
        Assert.DoesNotContain('\n', text);
        Assert.EndsWith("\r", text, StringComparison.Ordinal);
        var erased = text[(text.LastIndexOf('\r', text.Length - 2) + 1)..^1];
        Assert.True(erased.Length > 0 && erased.All(c => c == ' '));
    }

    [Fact]
    public void Verbose_times_each_stage_from_its_start_to_the_next()
    {
        var (terminal, output, _, clock) = Setup();

        using (var progress = new ProgressReporter(terminal, verbose: true, progressLine: false))
        {
            progress.Report(new BuildStage("reading articles", 12));
            clock.Advance(TimeSpan.FromMilliseconds(250));
            progress.Report(new BuildStage("copying files"));
            clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        Assert.Equal("  reading articles (12): 0.250 s\n  copying files: 0.005 s\n", output.ToString());
    }
}
