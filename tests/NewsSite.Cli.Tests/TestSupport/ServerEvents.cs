using System.Text.Json;

namespace NewsSite.Tests.TestSupport;

/// <summary>The preview's server-sent events, read one at a time with a bounded wait.</summary>
public sealed class ServerEvents : IDisposable
{
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private ServerEvents(HttpClient client, HttpResponseMessage response, StreamReader reader)
    {
        _client = client;
        _response = response;
        _reader = reader;
    }

    public string ContentType => _response.Content.Headers.ContentType?.MediaType ?? "";

    public static async Task<ServerEvents> OpenAsync(int port)
    {
        // The stream stays open: the client's own timeout must not cut it; each read has its own limit.
        var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var timeout = new CancellationTokenSource(ServeSession.Patience);
        var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/__newssite/events"), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        return new ServerEvents(client, response, reader);
    }

    public async Task<ServerEvent> NextAsync()
    {
        using var timeout = new CancellationTokenSource(ServeSession.Patience);
        string? name = null;
        string? data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    return new ServerEvent(name, JsonDocument.Parse(data ?? "{}").RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
    }

    /// <summary>Reads events until one matches; all within one bounded wait each.</summary>
    public async Task<ServerEvent> NextAsync(Func<ServerEvent, bool> match)
    {
        var deadline = DateTime.UtcNow + ServeSession.Patience;
        while (DateTime.UtcNow < deadline)
        {
            var next = await NextAsync();
            if (match(next))
            {
                return next;
            }
        }

        throw new TimeoutException("no matching event");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
        _client.Dispose();
    }
}

public sealed record ServerEvent(string Name, JsonElement Data)
{
    public int Version => Data.GetProperty("version").GetInt32();

    public bool Ok => Data.GetProperty("ok").GetBoolean();
}
