using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using NewsSite.Cli.Serve;

namespace NewsSite.Cli;

/// <summary>
/// <c>newssite serve</c>: a local preview that rebuilds on every change and reloads open pages. Drafts and
/// future articles are shown (with their badge) unless asked otherwise. Ctrl+C stops it cleanly (exit 0).
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 8080;

    /// <summary>How long the folder must stay quiet after a change before the site is rebuilt.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    public static Command Create(Terminal terminal)
    {
        var site = new SiteOptions(previewDefaults: true);
        var port = new Option<int>("--port", "-p") { Description = "The port to listen on (0: any free port)", DefaultValueFactory = _ => DefaultPort };
        var host = new Option<string>("--host") { Description = "The address to listen on (0.0.0.0 for every network interface)", DefaultValueFactory = _ => "127.0.0.1" };

        var command = new Command("serve", "Preview the site locally; rebuilds on every change and reloads open pages");
        site.AddTo(command, withBaseUrl: false);
        command.Options.Add(port);
        command.Options.Add(host);
        command.SetAction(parse =>
        {
            var (options, error) = site.Resolve(parse, terminal, source => Path.Combine(source, "_site"));
            if (options is null)
            {
                terminal.Error.WriteLine($"error: {error}");
                return ExitCodes.Usage;
            }

            var portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                terminal.Error.WriteLine($"error: --port must be between 0 and 65535, not {portNumber}");
                return ExitCodes.Usage;
            }

            var hostText = parse.GetValue(host)!;
            if (ParseHost(hostText) is not { } address)
            {
                terminal.Error.WriteLine($"error: --host must be an IP address such as 127.0.0.1 or ::1, or localhost, not '{hostText}'");
                return ExitCodes.Usage;
            }

            return RunAsync(options, address, portNumber, terminal).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> RunAsync(BuildOptions options, IPAddress host, int port, Terminal terminal)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(terminal.Cancellation);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => StopOnSignal(signal, stop));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => StopOnSignal(signal, stop));

        PreviewServer server;
        try
        {
            server = await PreviewServer.StartAsync(options, host, port, Debounce, terminal).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            terminal.Error.WriteLine($"error: cannot listen on {host}:{port}: {exception.Message} (choose another --port)");
            return ExitCodes.ContentErrors;
        }

        await using (server.ConfigureAwait(false))
        {
            var shown = string.Join(" and ", new[] { options.IncludeDrafts ? "drafts" : null, options.IncludeFuture ? "future articles" : null }.OfType<string>());
            terminal.Out.WriteLine($"serving {Path.GetFullPath(options.SourceRoot)} at {server.Address}{(shown.Length > 0 ? $" ({shown} included)" : "")}");
            terminal.Out.WriteLine("watching site.yaml, content/ and templates/; press Ctrl+C to stop");
            terminal.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                terminal.Out.WriteLine("stopping");
            }
        }

        terminal.Out.WriteLine("stopped");
        return ExitCodes.Success;
    }

    /// <summary>The first Ctrl+C stops the server cleanly; a second one, while it is stopping, ends the process.</summary>
    private static void StopOnSignal(PosixSignalContext signal, CancellationTokenSource stop)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        signal.Cancel = true;
        stop.Cancel();
    }

    private static IPAddress? ParseHost(string text) =>
        string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(text, out var address) ? address
        : null;
}
