using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsSite.Configuration;
using NewsSite.Deploy;
using NewsSite.Diagnostics;

namespace NewsSite.Cli;

/// <summary>
/// <c>newssite deploy</c>: the built output folder to the S3 bucket named in site.yaml, sending only what changed,
/// and the URLs a CDN should purge. Ctrl+C stops it (exit 130); running it again finishes the job.
/// </summary>
internal static class DeployCommand
{
    /// <summary>Purge URLs printed in text mode; <c>--format json</c> lists them all.</summary>
    private const int ShownUrls = 50;

    public static Command Create(Terminal terminal)
    {
        var source = new Option<string>("--source", "-s") { Description = "The site folder (site.yaml with its deploy: settings)", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output", "-o") { Description = "The built site to publish (default: _site in the site folder)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Override site.yaml's base_url for the URLs to purge (as the build was given it)" };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "List what would be uploaded and deleted, and change nothing" };
        var noDelete = new Option<bool>("--no-delete") { Description = "Keep objects in the bucket that the site no longer has" };
        var workers = new Option<int>("--workers") { Description = "How many requests run at once (1 to 64)", DefaultValueFactory = _ => 8 };
        var format = new Option<string>("--format") { Description = "text, or json: a summary with every uploaded, deleted and purge URL, for CI", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors (and the JSON with --format json)" };

        var command = new Command("deploy", "Upload the built site to S3 or an S3-compatible bucket: only what changed, then delete what is gone; prints the URLs to purge");
        command.Options.Add(source);
        command.Options.Add(output);
        command.Options.Add(baseUrl);
        command.Options.Add(dryRun);
        command.Options.Add(noDelete);
        command.Options.Add(workers);
        command.Options.Add(format);
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            var sourceRoot = parse.GetValue(source)!;
            if (!Directory.Exists(sourceRoot))
            {
                terminal.Error.WriteLine($"error: the site folder '{sourceRoot}' does not exist");
                return ExitCodes.Usage;
            }

            var outputRoot = parse.GetValue(output) ?? Path.Combine(sourceRoot, "_site");
            if (string.IsNullOrWhiteSpace(outputRoot))
            {
                terminal.Error.WriteLine("error: --output is empty; name the built site's folder, such as _site");
                return ExitCodes.Usage;
            }

            var workerCount = parse.GetValue(workers);
            if (workerCount is < 1 or > 64)
            {
                terminal.Error.WriteLine($"error: --workers must be between 1 and 64, not {workerCount}");
                return ExitCodes.Usage;
            }

            var diagnostics = new DiagnosticBag();
            var config = SiteConfigReader.Read(Path.GetFullPath(sourceRoot), diagnostics, parse.GetValue(baseUrl));
            if (config is { Deploy: null } && !diagnostics.HasErrors)
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.DeployNotConfigured,
                    "site.yaml has no 'deploy' settings; add deploy: { bucket: my-bucket, region: eu-west-1 } (see the README's Deployment section)",
                    SourceLocation.StartOf(SiteConfigReader.FileName)));
            }

            var json = parse.GetValue(format) == "json";
            var isQuiet = parse.GetValue(quiet);
            if (config?.Deploy is not { } target || diagnostics.HasErrors)
            {
                return Finish(terminal, new DeployResult { Diagnostics = diagnostics.ToSortedList() }, json, isQuiet);
            }

            var options = new DeployOptions
            {
                OutputRoot = outputRoot,
                Target = target,
                BaseUrl = config.BaseUrl,
                DryRun = parse.GetValue(dryRun),
                Delete = !parse.GetValue(noDelete),
                Workers = workerCount,
                Environment = terminal.Environment,
                Clock = terminal.Clock,
            };
            return Run(terminal, options, diagnostics.ToSortedList(), json, isQuiet);
        });
        return command;
    }

    private static int Run(Terminal terminal, DeployOptions options, IReadOnlyList<Diagnostic> warnings, bool json, bool quiet)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(terminal.Cancellation);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => StopOnSignal(signal, stop));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => StopOnSignal(signal, stop));

        DeployResult result;
        try
        {
            using var progress = new ProgressReporter(terminal, verbose: false, progressLine: terminal.IsInteractive && !quiet, verb: "deploying");
            result = SiteDeployer.DeployAsync(options with { Progress = progress }, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            terminal.Error.WriteLine(terminal.Paint("deploy stopped: nothing was deleted and the bucket's manifest was not written; run deploy again to finish", TerminalColor.Red));
            return ExitCodes.Cancelled;
        }

        return Finish(terminal, result with { Diagnostics = [.. warnings, .. result.Diagnostics] }, json, quiet);
    }

    /// <summary>The first Ctrl+C stops the deploy between requests; a second one ends the process.</summary>
    private static void StopOnSignal(PosixSignalContext signal, CancellationTokenSource stop)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        signal.Cancel = true;
        stop.Cancel();
    }

    private static int Finish(Terminal terminal, DeployResult result, bool json, bool quiet)
    {
        if (json)
        {
            terminal.Out.Write(Json(result));
        }
        else
        {
            new DiagnosticPrinter(terminal).Print(result.Diagnostics);
        }

        if (!result.Succeeded)
        {
            if (!json)
            {
                terminal.Error.WriteLine(terminal.Paint(
                    "deploy failed; the bucket still serves every page it served, and running deploy again once the problem is fixed finishes the job",
                    TerminalColor.Red));
            }

            return ExitCodes.ContentErrors;
        }

        if (!json && !quiet)
        {
            PrintText(terminal, result);
        }

        return ExitCodes.Success;
    }

    private static void PrintText(Terminal terminal, DeployResult result)
    {
        var summary = result.DryRun
            ? string.Create(CultureInfo.InvariantCulture, $"dry run for {result.Target}: would upload {result.Uploaded.Count} and delete {result.Deleted.Count} of {result.Files} files ({result.Unchanged} unchanged); nothing was changed")
            : string.Create(CultureInfo.InvariantCulture, $"deployed to {result.Target}: {result.Uploaded.Count} uploaded, {result.Deleted.Count} deleted, {result.Unchanged} unchanged of {result.Files} files; {Megabytes(result.BytesSent)} sent of {Megabytes(result.SiteBytes)} in {result.Elapsed.TotalSeconds:0.00} s");
        terminal.Out.WriteLine(terminal.Paint(summary, TerminalColor.Green));
        if (result.DryRun)
        {
            foreach (var path in result.Uploaded)
            {
                terminal.Out.WriteLine($"  upload {DiagnosticText.Escape(path)}");
            }

            foreach (var path in result.Deleted)
            {
                terminal.Out.WriteLine($"  delete {DiagnosticText.Escape(path)}");
            }
        }

        if (result.Retired.Count > 0)
        {
            terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kept {result.Retired.Count} replaced fingerprinted file(s) for a day after their replacement, for pages still cached elsewhere"));
        }

        if (result.Kept.Count > 0)
        {
            terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kept {result.Kept.Count} object(s) the site no longer has (--no-delete)"));
        }

        if (result.Purge.Count > 0)
        {
            terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"URLs to purge from a CDN ({result.Purge.Count}):"));
            foreach (var url in result.Purge.Take(ShownUrls))
            {
                terminal.Out.WriteLine($"  {url}");
            }

            if (result.Purge.Count > ShownUrls)
            {
                terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {result.Purge.Count - ShownUrls} more (--format json lists them all)"));
            }
        }
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.00} MB");

    /// <summary>
    /// <c>{"ok", "dry_run", "target", "files", "unchanged", "verified", "bytes_sent", "site_bytes", "uploaded", "deleted",
    /// "kept", "retired", "purge", "diagnostics"}</c>: paths are the files' paths in the output, purge holds absolute URLs.
    /// </summary>
    internal static string Json(DeployResult result)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", result.Succeeded);
            json.WriteBoolean("dry_run", result.DryRun);
            json.WriteString("target", result.Target);
            json.WriteNumber("files", result.Files);
            json.WriteNumber("unchanged", result.Unchanged);
            json.WriteNumber("verified", result.Verified);
            json.WriteNumber("bytes_sent", result.BytesSent);
            json.WriteNumber("site_bytes", result.SiteBytes);
            WriteList(json, "uploaded", result.Uploaded);
            WriteList(json, "deleted", result.Deleted);
            WriteList(json, "kept", result.Kept);
            WriteList(json, "retired", result.Retired);
            WriteList(json, "purge", result.Purge);
            DiagnosticJson.WriteDiagnostics(json, result.Diagnostics);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
