using System.CommandLine;
using System.Globalization;

namespace NewsSite.Cli;

/// <summary>
/// <c>newssite check</c>: everything a build validates (configuration, content, templates, the links of the
/// rendered pages), with no output folder left anywhere.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(Terminal terminal)
    {
        var site = new SiteOptions();
        var format = new Option<string>("--format") { Description = "text (path:line:col lines) or json (for CI annotations)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("check", "Validate the site as a build would, including internal links, without writing it");
        site.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            // The pages are rendered into a staging folder under a private temporary folder and thrown away.
            var scratch = Path.Combine(Path.GetTempPath(), $"newssite-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
            var (options, error) = site.Resolve(parse, terminal, _ => Path.Combine(scratch, "site"));
            if (options is null)
            {
                terminal.Error.WriteLine($"error: {error}");
                return ExitCodes.Usage;
            }

            BuildResult result;
            try
            {
                result = SiteBuilder.Build(options with { DryRun = true, CheckLinks = true });
            }
            finally
            {
                if (Directory.Exists(scratch))
                {
                    Directory.Delete(scratch, recursive: true);
                }
            }

            var errors = result.Diagnostics.Count(d => d.IsError);
            var warnings = result.Diagnostics.Count - errors;
            if (parse.GetValue(format) == "json")
            {
                terminal.Out.Write(DiagnosticJson.Write(result));
            }
            else
            {
                new DiagnosticPrinter(terminal).Print(result.Diagnostics);
                if (result.Succeeded)
                {
                    terminal.Out.WriteLine(terminal.Paint(
                        string.Create(CultureInfo.InvariantCulture, $"check passed: {result.Articles} articles, {result.Pages} pages, {warnings} warning(s)"),
                        TerminalColor.Green));
                }
                else
                {
                    terminal.Error.WriteLine(terminal.Paint(
                        string.Create(CultureInfo.InvariantCulture, $"check failed: {errors} error(s), {warnings} warning(s)"),
                        TerminalColor.Red));
                }
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
        });
        return command;
    }
}
