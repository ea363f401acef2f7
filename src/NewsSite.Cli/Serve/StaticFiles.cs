using Microsoft.AspNetCore.StaticFiles;

namespace NewsSite.Cli.Serve;

/// <summary>Maps a request path to a file of the build, refusing anything that could leave the build folder.</summary>
internal sealed class StaticFiles
{
    private static readonly string[] TextTypes =
    [
        "application/javascript", "application/json", "application/xml", "application/rss+xml", "application/atom+xml",
        "application/feed+json", "application/manifest+json", "image/svg+xml",
    ];

    private readonly FileExtensionContentTypeProvider _types = CreateTypes();

    /// <summary>
    /// The file for <paramref name="path"/> under <paramref name="root"/>. A request whose target has a '.' or
    /// '..' segment (plain or percent-encoded, with '/' or '\') is not found, even where the server already
    /// normalised it away: such requests only come from probing, never from links of the site. So is one that
    /// starts with <c>//</c> or <c>/\</c>: redirected with its slash added, it would be a protocol-relative URL
    /// that takes the browser to another host.
    /// </summary>
    public static Resolution Resolve(string root, string path, string rawTarget)
    {
        if (HasDotSegment(rawTarget) || HasDotSegment(path) || path.Contains('\0', StringComparison.Ordinal) || !path.StartsWith('/')
            || (path.Length > 1 && path[1] is '/' or '\\'))
        {
            return Resolution.NotFound;
        }

        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine(rootFull, path.TrimStart('/')));
        if (full != rootFull && !full.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Resolution.NotFound;
        }

        if (Directory.Exists(full))
        {
            if (!path.EndsWith('/'))
            {
                return new Resolution(null, path + "/");
            }

            full = Path.Combine(full, "index.html");
        }

        return File.Exists(full) ? new Resolution(full, null) : Resolution.NotFound;
    }

    /// <summary>The Content-Type for a file, with charset=utf-8 for text (the generator writes UTF-8 only).</summary>
    public string ContentType(string file)
    {
        if (!_types.TryGetContentType(file, out var type))
        {
            return "application/octet-stream";
        }

        return type.StartsWith("text/", StringComparison.Ordinal) || TextTypes.Contains(type, StringComparer.Ordinal) ? type + "; charset=utf-8" : type;
    }

    private static bool HasDotSegment(string target)
    {
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var pathPart = query < 0 ? target : target[..query];
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(pathPart);
        }
        catch (UriFormatException)
        {
            return true;
        }

        return decoded.Replace('\\', '/').Split('/').Any(segment => segment is "." or "..");
    }

    private static FileExtensionContentTypeProvider CreateTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".rss"] = "application/rss+xml";
        types.Mappings[".atom"] = "application/atom+xml";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        types.Mappings[".avif"] = "image/avif";
        types.Mappings[".webp"] = "image/webp";
        return types;
    }

    /// <summary>Either a file to send, a folder path to redirect to (with its slash), or neither: not found.</summary>
    internal sealed record Resolution(string? File, string? RedirectTo)
    {
        public static Resolution NotFound { get; } = new(null, null);
    }
}
