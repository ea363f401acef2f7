using System.CommandLine;
using System.Globalization;
using NewsSite.Model;

namespace NewsSite.Cli;

/// <summary><c>newssite build</c>: the whole site into the output folder, or nothing at all.</summary>
internal static class BuildCommand
{
    public static Command Create(Terminal terminal)
    {
        var site = new SiteOptions();
        var output = new Option<string?>("--output", "-o") { Description = "Where the site is written (default: _site in the site folder)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors and warnings" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print each stage of the build with its time" };
        var clean = new Option<bool>("--clean") { Description = "Ignore what earlier builds left and build every page again" };
        var force = new Option<bool>("--force") { Description = "Replace an output folder that holds files NewsSite did not write" };

        var command = new Command("build", "Build the site into a folder of static files; files no longer produced are removed");
        site.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(quiet);
        command.Options.Add(verbose);
        command.Options.Add(clean);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var (options, error) = site.Resolve(parse, terminal, source => parse.GetValue(output) ?? Path.Combine(source, "_site"));
            if (options is null)
            {
                terminal.Error.WriteLine($"error: {error}");
                return ExitCodes.Usage;
            }

            if (string.IsNullOrWhiteSpace(options.OutputRoot))
            {
                terminal.Error.WriteLine("error: --output is empty; name a folder such as _site");
                return ExitCodes.Usage;
            }

            var isQuiet = parse.GetValue(quiet);
            var isVerbose = parse.GetValue(verbose) && !isQuiet;
            BuildResult result;
            using (var progress = new ProgressReporter(terminal, isVerbose, progressLine: terminal.IsInteractive && !isQuiet))
            {
                result = SiteBuilder.Build(options with { Progress = progress, Incremental = !parse.GetValue(clean), Force = parse.GetValue(force) });
            }

            new DiagnosticPrinter(terminal).Print(result.Diagnostics);
            var errors = result.Diagnostics.Count(d => d.IsError);
            var warnings = result.Diagnostics.Count - errors;
            if (!result.Succeeded)
            {
                terminal.Error.WriteLine(terminal.Paint(
                    string.Create(CultureInfo.InvariantCulture, $"build failed: {errors} error(s), {warnings} warning(s); the previous output was left as it was"),
                    TerminalColor.Red));
                return ExitCodes.ContentErrors;
            }

            if (!isQuiet)
            {
                var next = result.NextScheduledChange is { } change
                    ? string.Create(CultureInfo.InvariantCulture, $", next scheduled change {change.At:yyyy-MM-dd'T'HH:mm:sszzz} ({change.SourcePath} {change.Kind.Name()})")
                    : "";
                terminal.Out.WriteLine(terminal.Paint(Summary(result, warnings) + next, TerminalColor.Green));
                if (isVerbose)
                {
                    terminal.Out.WriteLine($"  output: {Path.GetFullPath(options.OutputRoot)}");
                    terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  article files read: {result.ArticlesRead} of {result.ArticleFiles}; pages rendered: {result.PagesRendered} of {result.Pages}; pictures processed: {result.PicturesProcessed}; files written: {result.FilesWritten} of {result.Files}"));
                    terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  memory: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, {GC.GetTotalPauseDuration().TotalSeconds:0.00} s paused, {GC.GetTotalAllocatedBytes() / 1_000_000} MB allocated, {GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / 1_000_000} MB heap after the last collection, {Environment.WorkingSet / 1_000_000} MB resident; {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled at run time in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.00} s"));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static string Summary(BuildResult result, int warnings) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(result.UpToDate ? "up to date, nothing changed since the last build:" : "built")} {result.Articles} articles, {result.Pages} pages, {result.Feeds} feeds, {result.Files} files, {warnings} warning(s) in {result.Elapsed.TotalSeconds:0.00} s");
}
