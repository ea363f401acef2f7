namespace NewsSite.Content;

/// <summary>
/// A path with every symbolic link, "." and ".." resolved the way the kernel resolves them (realpath(3)). A lexical
/// check is not enough: in <c>content/a/../../x</c>, ".." leaves wherever the link <c>a</c> points, not content/.
/// </summary>
internal static class RealPath
{
    /// <summary>Linux gives up after 40 links in one path; so does this.</summary>
    private const int MaxLinks = 40;

    /// <summary>The resolved path, or null with <paramref name="loops"/> telling a link cycle from a missing part.</summary>
    public static string? Of(string path, out bool loops)
    {
        loops = false;
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        Push(pending, full[root.Length..]);
        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Join(current, part);
            var entry = new FileInfo(next);
            if (entry.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    loops = true;
                    return null;
                }

                if (Path.IsPathRooted(target))
                {
                    current = Path.GetPathRoot(target)!;
                    target = target[current.Length..];
                }

                Push(pending, target);
                continue;
            }

            if (!entry.Exists && !Directory.Exists(next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
