using System.Net;
using System.Net.Sockets;

namespace NewsSite.Browser.Tests;

/// <summary>Serves a built site folder on 127.0.0.1 at a free port, as a static host would. Loopback only.</summary>
public sealed class StaticSiteServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    public StaticSiteServer(string root)
    {
        _root = Path.GetFullPath(root);
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The folder served.</summary>
    public string Root => _root;

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // the listener was stopped while waiting for a request
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        if (Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }

        if (!file.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            file = Path.Combine(_root, "404.html");
            if (!File.Exists(file))
            {
                return;
            }
        }

        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".json" => "application/json",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".svg" => "image/svg+xml",
            ".txt" => "text/plain; charset=utf-8",
            ".xml" => "application/xml",
            _ => "application/octet-stream",
        };
        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        try
        {
            response.OutputStream.Write(bytes);
        }
        catch (HttpListenerException)
        {
            // the browser went away
        }
    }
}
