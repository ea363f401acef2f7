using System.CommandLine;
using System.Globalization;
using NewsSite.Model;

namespace NewsSite.Cli;

/// <summary><c>newssite build</c>: the whole site into the output folder, or nothing at all.</summary>
internal static class BuildCommand
{
    public static Command Create(Terminal terminal)
    {
        var source = new Option<string>("--source", "-s") { Description = "The site folder (site.yaml, content/, templates/)", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output", "-o") { Description = "Where the site is written (default: _site in the site folder)" };
        var drafts = new Option<bool>("--drafts") { Description = "Include articles marked draft: true" };
        var future = new Option<bool>("--future") { Description = "Include articles dated in the future" };
        var now = new Option<string?>("--now") { Description = "Build as if it were this time (ISO 8601; without an offset, UTC); SOURCE_DATE_EPOCH works too" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Override site.yaml's base_url, e.g. for preview deployments" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors and warnings" };

        var command = new Command("build", "Build the site into a folder of static files")
        {
            source, output, drafts, future, now, baseUrl, quiet,
        };
        command.SetAction(parse =>
        {
            var (clock, nowError) = NowOption.Resolve(parse.GetValue(now), terminal);
            if (clock is null)
            {
                terminal.Error.WriteLine($"error: {nowError}");
                return ExitCodes.Usage;
            }

            var sourceRoot = parse.GetValue(source)!;
            if (!Directory.Exists(sourceRoot))
            {
                terminal.Error.WriteLine($"error: the site folder '{sourceRoot}' does not exist");
                return ExitCodes.Usage;
            }

            var result = SiteBuilder.Build(new BuildOptions
            {
                SourceRoot = sourceRoot,
                OutputRoot = parse.GetValue(output) ?? Path.Combine(sourceRoot, "_site"),
                IncludeDrafts = parse.GetValue(drafts),
                IncludeFuture = parse.GetValue(future),
                BaseUrl = parse.GetValue(baseUrl),
                Clock = clock,
            });

            new DiagnosticPrinter(terminal).Print(result.Diagnostics);
            var errors = result.Diagnostics.Count(d => d.IsError);
            var warnings = result.Diagnostics.Count - errors;
            if (!result.Succeeded)
            {
                terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build failed: {errors} error(s), {warnings} warning(s); the previous output was left as it was"));
                return ExitCodes.ContentErrors;
            }

            if (!parse.GetValue(quiet))
            {
                var next = result.NextScheduledChange is { } change
                    ? string.Create(CultureInfo.InvariantCulture, $", next scheduled change {change.At:yyyy-MM-dd'T'HH:mm:sszzz} ({change.Article.SourcePath} {change.Kind.Name()})")
                    : "";
                terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"built {result.Articles} articles, {result.Pages} pages, {result.Files} files, {warnings} warning(s) in {result.Elapsed.TotalSeconds:0.00} s{next}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
