using System.IO.Enumeration;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NewsSite.Output;

/// <summary>
/// A hash of a folder tree's listing (every file's and folder's path, size and modification time), so that a build
/// can tell that nobody deleted, added or replaced a file in the output since it was written. The files are not read.
/// </summary>
internal static class OutputDigest
{
    public static string Of(string root)
    {
        if (!Directory.Exists(root))
        {
            return "";
        }

        // Order-independent (a sum of per-entry hashes), so folders are listed in parallel and in any order.
        var folders = Directory.GetDirectories(root);
        var sums = new ulong[folders.Length + 1];
        var counts = new long[folders.Length + 1];
        Parallel.For(0, folders.Length + 1, i =>
        {
            var recursive = i < folders.Length;
            var folder = recursive ? folders[i] : root;
            var entries = new FileSystemEnumerable<ulong>(folder, (ref FileSystemEntry entry) => EntryHash(root, ref entry), new EnumerationOptions
            {
                RecurseSubdirectories = recursive,
                AttributesToSkip = 0,
                IgnoreInaccessible = false,
            });
            foreach (var entryHash in entries)
            {
                sums[i] += entryHash;
                counts[i]++;
            }

            if (recursive)
            {
                sums[i] += Hash(folder.AsSpan(root.Length), -1, Directory.GetLastWriteTimeUtc(folder).Ticks);
                counts[i]++;
            }
        });

        ulong total = 0;
        foreach (var sum in sums)
        {
            total += sum;
        }

        return $"{counts.Sum()}:{total:X16}";
    }

    private static ulong EntryHash(string root, ref FileSystemEntry entry)
    {
        var relative = Path.Join(entry.Directory[root.Length..], entry.FileName);
        return Hash(relative, entry.IsDirectory ? -1 : entry.Length, entry.LastWriteTimeUtc.UtcTicks);
    }

    private static ulong Hash(ReadOnlySpan<char> relative, long length, long ticks)
    {
        var hash = new XxHash64();
        hash.Append(MemoryMarshal.AsBytes(relative));
        Span<byte> numbers = stackalloc byte[16];
        BitConverter.TryWriteBytes(numbers, length);
        BitConverter.TryWriteBytes(numbers[8..], ticks);
        hash.Append(numbers);
        return hash.GetCurrentHashAsUInt64();
    }
}
