using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsSite.Cli.Serve;

/// <summary>
/// <c>newssite serve</c> at work: Kestrel answers from the last good build, a watcher and a debounced loop
/// rebuild the whole site after each change, and open pages hear about every build over server-sent events.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Terminal _terminal;
    private readonly string _workRoot;
    private readonly WebApplication _app;
    private readonly ReloadBroadcaster _broadcaster = new();
    private readonly StaticFiles _files = new();
    private readonly CancellationTokenSource _stopping = new();
    private PreviewBuilder? _builder;
    private SourceWatcher? _watcher;
    private Task _loop = Task.CompletedTask;

    private PreviewServer(Terminal terminal, string workRoot, WebApplication app)
    {
        _terminal = terminal;
        _workRoot = workRoot;
        _app = app;
    }

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public PreviewSnapshot Current => _builder?.Current ?? PreviewSnapshot.Starting;

    /// <summary>Listens, builds once, then watches. Throws <see cref="IOException"/> when the address is taken.</summary>
    public static async Task<PreviewServer> StartAsync(BuildOptions build, IPAddress host, int port, TimeSpan debounce, Terminal terminal)
    {
        var workRoot = Path.Combine(Path.GetTempPath(), $"newssite-serve-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workRoot);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "newssite", ContentRootPath = workRoot });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(host, port);
        });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(3));
        var app = builder.Build();
        var server = new PreviewServer(terminal, workRoot, app);
        app.Run(server.HandleAsync);

        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.EndsWith('/') ? address : address + "/");

        // Links and canonical URLs of the preview point at the preview itself.
        server._builder = new PreviewBuilder(build with { BaseUrl = server.Address.AbsoluteUri }, workRoot);
        server.Rebuild([]);

        var changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        try
        {
            server._watcher = new SourceWatcher(build.SourceRoot, changes.Writer);
        }
        catch (IOException exception)
        {
            // For instance the system's limit on inotify instances: still a useful preview, without live reload.
            terminal.Error.WriteLine(terminal.Paint($"warning: cannot watch the site folder ({exception.Message}); changes will not be rebuilt", TerminalColor.Yellow));
        }

        server._loop = Task.Run(() => new RebuildLoop(changes.Reader, debounce, server.Rebuild).RunAsync(server._stopping.Token));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _watcher?.Dispose();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Gave open connections their chance; the process is ending them now.
            }
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        try
        {
            Directory.Delete(_workRoot, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left in the temporary folder; the system cleans it.
        }
    }

    private void Rebuild(IReadOnlyList<string> changed)
    {
        try
        {
            RebuildAndTell(changed);
        }
#pragma warning disable CA1031 // The loop must go on: the next save should be able to rebuild.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _terminal.Error.WriteLine($"internal error while rebuilding: {exception}");
        }
    }

    private void RebuildAndTell(IReadOnlyList<string> changed)
    {
        if (changed.Count > 0)
        {
            var shown = string.Join(", ", changed.Take(3)) + (changed.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {changed.Count - 3} more") : "");
            _terminal.Out.WriteLine(_terminal.Paint($"changed: {shown}", TerminalColor.Dim));
        }

        _watcher?.Refresh();
        var result = _builder!.Build();
        new DiagnosticPrinter(_terminal).Print(result.Diagnostics);
        var errors = result.Diagnostics.Count(d => d.IsError);
        var warnings = result.Diagnostics.Count - errors;
        if (result.Succeeded)
        {
            _terminal.Out.WriteLine(_terminal.Paint(BuildCommand.Summary(result, warnings), TerminalColor.Green));
        }
        else
        {
            var still = _builder.Current.Root is null ? "no page can be shown until it is fixed" : "still serving the last good build";
            _terminal.Error.WriteLine(_terminal.Paint(string.Create(CultureInfo.InvariantCulture, $"build failed: {errors} error(s), {warnings} warning(s); {still}"), TerminalColor.Red));
        }

        _terminal.Out.Flush();
        _broadcaster.Publish(_builder.Current);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!PreviewHosts.IsAllowed(request.Host, Address.Port))
        {
            await SendTextAsync(context, StatusCodes.Status421MisdirectedRequest, "text/plain; charset=utf-8", $"421: this preview answers only at {Address}, localhost or an IP address\n").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var path = request.Path.HasValue ? request.Path.Value! : "/";
        switch (path)
        {
            case LiveReload.EventsPath:
                await StreamEventsAsync(context).ConfigureAwait(false);
                return;
            case LiveReload.ScriptPath:
                await SendTextAsync(context, StatusCodes.Status200OK, "text/javascript; charset=utf-8", LiveReload.Script).ConfigureAwait(false);
                return;
        }

        var snapshot = Current;
        if (snapshot.Root is null)
        {
            var status = snapshot.Failed ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
            await SendTextAsync(context, status, "text/html; charset=utf-8", LiveReload.StatusPage(snapshot)).ConfigureAwait(false);
            return;
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path;
        var found = StaticFiles.Resolve(snapshot.Root, path, rawTarget);
        if (found.RedirectTo is { } location)
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = location + request.QueryString;
            return;
        }

        if (found.File is not { } file)
        {
            await SendNotFoundAsync(context, snapshot).ConfigureAwait(false);
            return;
        }

        await SendFileAsync(context, StatusCodes.Status200OK, file, snapshot).ConfigureAwait(false);
    }

    private async Task SendNotFoundAsync(HttpContext context, PreviewSnapshot snapshot)
    {
        var notFound = Path.Combine(snapshot.Root!, "404.html");
        if (File.Exists(notFound))
        {
            await SendFileAsync(context, StatusCodes.Status404NotFound, notFound, snapshot).ConfigureAwait(false);
        }
        else
        {
            await SendTextAsync(context, StatusCodes.Status404NotFound, "text/plain; charset=utf-8", "404: no such page in this build\n").ConfigureAwait(false);
        }
    }

    private async Task SendFileAsync(HttpContext context, int status, string file, PreviewSnapshot snapshot)
    {
        var type = _files.ContentType(file);
        if (type.StartsWith("text/html", StringComparison.Ordinal))
        {
            string html;
            try
            {
                html = await File.ReadAllTextAsync(file, context.RequestAborted).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                await SendTextAsync(context, StatusCodes.Status503ServiceUnavailable, "text/plain; charset=utf-8", "the site was rebuilt meanwhile; reload\n").ConfigureAwait(false);
                return;
            }

            await SendTextAsync(context, status, type, LiveReload.Inject(html, snapshot)).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength = new FileInfo(file).Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task SendTextAsync(HttpContext context, int status, string contentType, string text)
    {
        var bytes = Utf8.GetBytes(text);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One event stream per open page: <c>hello</c> with the current build on connecting, then <c>reload</c>
    /// after every build; data is <c>{"version": N, "ok": bool, "errors": N}</c>.
    /// </summary>
    private async Task StreamEventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        using var subscription = _broadcaster.Subscribe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await WriteEventAsync(response, "hello", Current, stop.Token).ConfigureAwait(false);
            await foreach (var snapshot in subscription.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                await WriteEventAsync(response, "reload", snapshot, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away, or the server is stopping.
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, string name, PreviewSnapshot snapshot, CancellationToken cancel)
    {
        var errors = snapshot.Diagnostics.Count(d => d.IsError);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"retry: 1000\nevent: {name}\ndata: {{\"version\":{snapshot.Version},\"ok\":{(snapshot.Failed ? "false" : "true")},\"errors\":{errors}}}\n\n");
        await response.WriteAsync(text, cancel).ConfigureAwait(false);
        await response.Body.FlushAsync(cancel).ConfigureAwait(false);
    }
}
