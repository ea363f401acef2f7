using System.Net;
using Microsoft.AspNetCore.Http;

namespace NewsSite.Cli.Serve;

/// <summary>
/// Which Host headers the preview answers. A web page can point a name it controls at 127.0.0.1 (DNS rebinding)
/// and then read the preview, drafts included, as its own origin; its requests carry that name. So only
/// <c>localhost</c> and IP addresses are answered (the address on the local network, too, with
/// <c>--host 0.0.0.0</c>), and only with the port the preview listens on.
/// </summary>
internal static class PreviewHosts
{
    public static bool IsAllowed(HostString host, int port)
    {
        if (!host.HasValue || (host.Port ?? 80) != port)
        {
            return false;
        }

        var name = host.Host;
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name, out _);
    }
}
