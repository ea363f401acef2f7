using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsSite.Cli;

namespace NewsSite.Tests.TestSupport;

/// <summary>
/// <c>newssite serve</c> running in-process on a free port of 127.0.0.1, stopped through the terminal's
/// cancellation token. Every wait is bounded, so a broken server fails the test instead of hanging it.
/// </summary>
public sealed class ServeSession : IAsyncDisposable
{
    /// <summary>How long a wait for what must happen may last: far beyond a crowded machine, so only a fault fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly HtmlParser Parser = new();

    private readonly CancellationTokenSource _stop;
    private readonly StringWriter _out;
    private readonly StringWriter _error;
    private Task<int>? _run;

    private ServeSession(int port, CancellationTokenSource stop, StringWriter output, StringWriter error, Task<int> run)
    {
        Port = port;
        _stop = stop;
        _out = output;
        _error = error;
        _run = run;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Patience };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    /// <summary>What serve printed so far (complete once stopped).</summary>
    public string Output
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static async Task<ServeSession> StartAsync(string sourceRoot, params string[] extraArgs)
    {
        // A free port can be taken by someone else between finding and binding it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var session = Launch(sourceRoot, FreePort(), extraArgs);
            bool ready;
            try
            {
                ready = await session.WaitUntilReadyAsync();
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }

            if (ready)
            {
                return session;
            }

            var exit = await session.StopAsync();
            await session.DisposeAsync();
            if (attempt == 3 || !session.Errors.Contains("cannot listen", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"serve did not start (exit {exit}):\n{session.Output}\n{session.Errors}");
            }
        }
    }

    public async Task<HttpResponseMessage> GetAsync(string path) => await Client.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<IDocument> GetHtmlAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}\n{Output}\n{Errors}");
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static IDocument ParseHtml(string html) => Parser.ParseDocument(html);

    public async Task<ServerEvents> OpenEventsAsync() => await ServerEvents.OpenAsync(Port);

    /// <summary>Sends one raw request, as written, so no client can tidy the path first; returns the whole answer.</summary>
    public async Task<string> SendRawAsync(string requestTarget, string? host = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        await using var stream = tcp.GetStream();
        var request = $"GET {requestTarget} HTTP/1.1\r\nHost: {host ?? $"127.0.0.1:{Port}"}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(timeout.Token);
    }

    /// <summary>Cancels serve as Ctrl+C would and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (_run is null)
        {
            throw new InvalidOperationException("already stopped");
        }

        await _stop.CancelAsync();
        var exit = await _run.WaitAsync(Patience);
        _run = null;
        return exit;
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            await StopAsync();
        }

        Client.Dispose();
        _stop.Dispose();
    }

    private static ServeSession Launch(string sourceRoot, int port, string[] extraArgs)
    {
        var stop = new CancellationTokenSource();
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var terminal = new Terminal(new LockedWriter(output), new LockedWriter(error), TimeProvider.System, _ => null) { Cancellation = stop.Token };
        string[] args = ["serve", "--source", sourceRoot, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extraArgs];
        var run = Task.Run(() => CommandLine.Run(args, terminal));
        return new ServeSession(port, stop, output, error, run);
    }

    /// <summary>True once the first build is served; false when serve ended (e.g. the port was taken).</summary>
    private async Task<bool> WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (_run!.IsCompleted)
            {
                return false;
            }

            try
            {
                using var response = await GetAsync("/__newssite/live-reload.js");
                if (response.IsSuccessStatusCode && Output.Contains("serving ", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"serve did not become ready within {Patience}:\n{Output}\n{Errors}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>serve writes from its rebuild loop while the test reads: both sides take the writer's lock.</summary>
    private sealed class LockedWriter(StringWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (inner)
            {
                inner.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (inner)
            {
                inner.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (inner)
            {
                inner.Write(value);
                inner.Write('\n');
            }
        }
    }
}
