using System.IO.Enumeration;
using NewsSite.Caching;

namespace NewsSite.Output;

/// <summary>
/// A hash of a folder tree's listing (every file's and folder's path, size and modification time), so that a build
/// can tell that nobody deleted, added or replaced a file in the output since it was written. The files are not read.
/// </summary>
internal static class OutputDigest
{
    public static Hash128 Of(string root)
    {
        if (!Directory.Exists(root))
        {
            return default;
        }

        // The top folders are listed in parallel, then the entries sorted, so the hash does not depend on the order.
        var folders = Directory.GetDirectories(root);
        var listings = new List<(string Path, long Length, long Ticks)>[folders.Length + 1];
        Parallel.For(0, folders.Length + 1, i =>
        {
            var recursive = i < folders.Length;
            var folder = recursive ? folders[i] : root;
            var entries = new FileSystemEnumerable<(string, long, long)>(
                folder,
                (ref FileSystemEntry entry) => (Path.Join(entry.Directory[root.Length..], entry.FileName), entry.IsDirectory ? -1 : entry.Length, entry.LastWriteTimeUtc.UtcTicks),
                new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = 0, IgnoreInaccessible = false });
            listings[i] = [.. entries];
            if (recursive)
            {
                listings[i].Add((folder[root.Length..], -1, Directory.GetLastWriteTimeUtc(folder).Ticks));
            }
        });

        var all = listings.SelectMany(l => l).OrderBy(e => e.Path, StringComparer.Ordinal);
        var hash = new ContentHash.Builder();
        foreach (var (path, length, ticks) in all)
        {
            hash.Add(path).Add(length).Add(ticks);
        }

        return hash.Finish();
    }
}
