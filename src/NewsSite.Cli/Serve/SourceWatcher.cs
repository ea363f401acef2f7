using System.Threading.Channels;
using NewsSite.Content;

namespace NewsSite.Cli.Serve;

/// <summary>
/// Watches what a build reads (<c>site.yaml</c>, <c>content/</c>, <c>templates/</c>) and writes the path of
/// each change, relative to the site folder, to a channel. Hidden files, editor backups and the temporary files
/// that editors and tools write while saving are ignored: the save itself is the change.
/// </summary>
internal sealed class SourceWatcher : IDisposable
{
    /// <summary>Written when the system dropped events (buffer overflow): something changed, we do not know what.</summary>
    public const string Unknown = "(unknown)";

    private static readonly string[] WatchedFolders = ["content", "templates"];

    private static readonly System.Buffers.SearchValues<char> AlphaNumerics =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private readonly string _root;
    private readonly ChannelWriter<string> _changes;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private bool _disposed;

    public SourceWatcher(string sourceRoot, ChannelWriter<string> changes)
    {
        _root = Path.GetFullPath(sourceRoot).TrimEnd(Path.DirectorySeparatorChar);
        _changes = changes;

        // The site folder itself, not recursively: site.yaml, and content/ or templates/ appearing or going.
        Add(_root, _root, recursive: false);
        Refresh();
    }

    /// <summary>Starts watching content/ and templates/ if they appeared since, and stops for those that went.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            foreach (var name in WatchedFolders)
            {
                var folder = Path.Combine(_root, name);
                var exists = Directory.Exists(folder);
                if (exists && !_watchers.ContainsKey(folder))
                {
                    try
                    {
                        Add(folder, folder, recursive: true);
                    }
                    catch (IOException)
                    {
                        // Gone again, or the system's watch limit: the next rebuild tries again.
                    }
                }
                else if (!exists && _watchers.Remove(folder, out var gone))
                {
                    gone.Dispose();
                }
            }
        }
    }

    public static bool IsWatched(string relativePath)
    {
        var segments = relativePath.Split('/');
        if (segments.Any(s => s.Length == 0 || s[0] is '.' or '#' || s.EndsWith('~'))
            || ScratchFiles.Matches(segments[^1]) || IsTemporary(segments[^1]))
        {
            return false;
        }

        return relativePath == "site.yaml" || WatchedFolders.Contains(segments[0], StringComparer.Ordinal);
    }

    /// <summary>
    /// Beyond the scratch files a build never reads (<see cref="ScratchFiles"/>: backups, <c>.swp</c>, <c>.tmp</c>):
    /// files that exist only while an editor saves, Vim's <c>.swx</c> and write test <c>4913</c>, and
    /// <c>sed -i</c>'s <c>sedXXXXXX</c>.
    /// </summary>
    private static bool IsTemporary(string name) =>
        name.EndsWith(".swx", StringComparison.Ordinal) || name == "4913"
        || (name.Length == 9 && name.StartsWith("sed", StringComparison.Ordinal) && !name.AsSpan(3).ContainsAnyExcept(AlphaNumerics));

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var watcher in _watchers.Values)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
        }
    }

    private void Add(string key, string folder, bool recursive)
    {
        if (_disposed)
        {
            return;
        }

        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Deleted += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Changed(e.OldFullPath);
            Changed(e.FullPath);
        };
        watcher.Error += (_, _) => _changes.TryWrite(Unknown);
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }

        _watchers[key] = watcher;
    }

    private void Changed(string fullPath)
    {
        var relative = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        if (IsWatched(relative))
        {
            _changes.TryWrite(relative);
        }
    }
}
