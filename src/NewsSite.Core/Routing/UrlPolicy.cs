namespace NewsSite.Routing;

/// <summary>
/// Which URLs a body may link to or show: relative URLs and the schemes below, plus <c>data:image/…</c> on
/// images. The scheme is read the way browsers read it (leading spaces and controls skipped, tabs and line
/// breaks ignored), so <c>" java&#9;script:"</c> counts as <c>javascript:</c>.
/// </summary>
internal static class UrlPolicy
{
    /// <summary>Schemes that only ever navigate, open a mail or a phone app: never run script.</summary>
    public static readonly IReadOnlyList<string> AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>Returns null when the URL may be published, or the scheme that stops it (lowercase).</summary>
    public static string? Blocked(string url, bool isImage)
    {
        var scheme = SchemeOf(url);
        if (scheme is null || AllowedSchemes.Contains(scheme, StringComparer.Ordinal))
        {
            return null;
        }

        // An image cannot run script, so pasted inline pictures (data:image/png;base64,...) keep working.
        if (isImage && scheme == "data" && Clean(url).StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return scheme;
    }

    /// <summary>The URL's scheme in lowercase, or null for a relative URL (<c>/a</c>, <c>a/b:c</c>, <c>#x</c>).</summary>
    public static string? SchemeOf(string url)
    {
        var text = Clean(url);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(text[0]))
        {
            return null;
        }

        foreach (var ch in text.AsSpan(1, colon - 1))
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch is not ('+' or '-' or '.'))
            {
                return null;
            }
        }

        return text[..colon].ToLowerInvariant();
    }

    /// <summary>What a browser's URL parser looks at: no leading or trailing C0 controls and spaces, no tabs or newlines.</summary>
    private static string Clean(string url)
    {
        var text = url.AsSpan().Trim("\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u0020");
        return text.ContainsAny("\t\n\r") ? string.Concat(text.ToString().Split('\t', '\n', '\r')) : text.ToString();
    }
}
