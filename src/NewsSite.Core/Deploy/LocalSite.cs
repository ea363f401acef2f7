using System.Collections.Concurrent;
using System.Text;
using NewsSite.Configuration;

namespace NewsSite.Deploy;

/// <summary>
/// Reads the committed output folder: every file's path, size and MD5 (what S3 reports as the ETag of an object
/// uploaded in one part). A symbolic link or special file is refused: a build never writes one, so it was put
/// there by hand and could publish something from outside the site.
/// </summary>
internal static class LocalSite
{
    /// <summary>S3's limit on the length of a key, in UTF-8 bytes.</summary>
    private const int MaxKeyBytes = 1024;

    /// <exception cref="DeployException">The folder holds something that must not be published.</exception>
    public static IReadOnlyList<LocalFile> Read(string outputRoot, string prefix, CacheControlConfig cacheControl, CancellationToken cancellation)
    {
        var paths = new List<(string Path, string FullPath)>();
        Collect(new DirectoryInfo(outputRoot), "", paths, prefix);

        var files = new ConcurrentBag<LocalFile>();
        var parallel = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(paths, parallel, entry =>
        {
            using var stream = new FileStream(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var md5 = ObjectDigest.Of(stream);
            var contentType = FileKinds.ContentType(entry.Path, () => ReadHead(entry.FullPath));
            files.Add(new LocalFile(
                entry.Path,
                entry.FullPath,
                stream.Length,
                md5,
                contentType,
                FileKinds.CacheControl(entry.Path, contentType, cacheControl),
                FileKinds.IsText(contentType)));
        });

        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    private static void Collect(DirectoryInfo folder, string relative, List<(string, string)> paths, string prefix)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            var path = relative + entry.Name;
            if (entry.LinkTarget is not null || (entry.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                throw new DeployException($"the output holds a symbolic link, {path}, which no build writes; it is not published (build the site again)");
            }

            if (entry is DirectoryInfo directory)
            {
                Collect(directory, path + "/", paths, prefix);
                continue;
            }

            if (entry is not FileInfo file || !file.Exists || Content.FileKind.SpecialKind(file.FullName, file.Length) is not null)
            {
                throw new DeployException($"the output holds {path}, which is not a regular file; it is not published (build the site again)");
            }

            if (path.Any(c => char.IsControl(c) || c == '\\') || Encoding.UTF8.GetByteCount(prefix + path) > MaxKeyBytes)
            {
                throw new DeployException($"the output file '{Display(path)}' cannot be an object key (control characters, a backslash, or more than {MaxKeyBytes} bytes)");
            }

            if (path == DeployManifest.FileName)
            {
                throw new DeployException($"the output holds {path}, the name deploy keeps its manifest under; rename that file");
            }

            paths.Add((path, entry.FullName));
        }
    }

    private static byte[] ReadHead(string fullPath)
    {
        using var stream = File.OpenRead(fullPath);
        var head = new byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    private static string Display(string path) => new([.. path.Select(c => char.IsControl(c) ? '?' : c)]);
}
