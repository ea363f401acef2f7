using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;
using NewsSite.Configuration;
using NewsSite.Content;

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
        try
        {
            Parallel.ForEach(paths, parallel, entry =>
            {
                using var handle = OpenListed(entry.Path, entry.FullPath);
                using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 1);
                var md5 = ObjectDigest.Of(stream);
                var contentType = FileKinds.ContentType(entry.Path, () => ReadHead(handle));
                files.Add(new LocalFile(
                    entry.Path,
                    entry.FullPath,
                    stream.Length,
                    md5,
                    contentType,
                    FileKinds.CacheControl(entry.Path, contentType, cacheControl),
                    FileKinds.IsText(contentType)));
            });
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is DeployException))
        {
            throw exception.InnerExceptions.OrderBy(e => e.Message, StringComparer.Ordinal).First();
        }

        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A listed file, opened as the regular file it was when listed: one replaced since by a link, a pipe or a device
    /// is refused, not followed, waited on or read without end.
    /// </summary>
    /// <exception cref="DeployException">It is no longer a regular file, or cannot be read.</exception>
    public static SafeFileHandle OpenListed(string path, string fullPath) => Listed(path, () => RegularFile.Open(fullPath, followLinks: false));

    /// <inheritdoc cref="OpenListed"/>
    public static byte[] ReadListed(string path, string fullPath) => Listed(path, () => RegularFile.Read(fullPath, Array.MaxLength, followLinks: false));

    private static T Listed<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DeployException($"cannot read {Display(path)} in the output: {exception.Message}; it is not published (build the site again)");
        }
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

    private static byte[] ReadHead(SafeFileHandle handle)
    {
        var head = new byte[4096];
        return head[..RandomAccess.Read(handle, head, 0)];
    }

    private static string Display(string path) => new([.. path.Select(c => char.IsControl(c) ? '?' : c)]);
}
