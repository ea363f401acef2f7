namespace NewsSite.Routing;

/// <summary>The one place that turns a site path (<c>/world/x/</c>) into a file under the output folder.</summary>
public static class OutputPaths
{
    /// <summary>The longest file or folder name file systems allow: 255 bytes on ext4, XFS and APFS.</summary>
    public const int MaxSegmentBytes = 255;

    /// <returns>The first part of a site path longer than <see cref="MaxSegmentBytes"/> in UTF-8, or null.</returns>
    public static string? OverlongSegment(string sitePath)
    {
        foreach (var segment in sitePath.Split('/'))
        {
            if (System.Text.Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                return segment;
            }
        }

        return null;
    }

    /// <summary>
    /// The relative file path for a site path: clean URLs end in '/', and are written as <c>index.html</c>.
    /// Returns null for a path that would leave the output folder.
    /// </summary>
    public static string? ToRelativeFile(string sitePath)
    {
        if (!sitePath.StartsWith('/') || sitePath.AsSpan().ContainsAny('\\', '\0'))
        {
            return null;
        }

        var relative = sitePath.EndsWith('/') ? sitePath[1..] + "index.html" : sitePath[1..];

        // Every page passes here on every build: its segments are looked at in place, not split into strings.
        var span = relative.AsSpan();
        foreach (var range in span.Split('/'))
        {
            if (span[range] is "" or "." or "..")
            {
                return null;
            }
        }

        return relative;
    }

    /// <summary>The full path under <paramref name="outputRoot"/>, checked to stay inside it.</summary>
    public static string? ToFullPath(string outputRoot, string relativeFile)
    {
        var root = Path.GetFullPath(outputRoot);
        var full = Path.GetFullPath(Path.Combine(root, relativeFile));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }
}
