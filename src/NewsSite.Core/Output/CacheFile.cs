namespace NewsSite.Output;

/// <summary>
/// Replaces a file of the cache folder whole: written to a temporary file beside it (a name of its own, so two builds
/// never write into the same one) and renamed over it, so a killed build never leaves half a file behind.
/// </summary>
internal static class CacheFile
{
    public static void Replace(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(file);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>For a cache the build can do without: a file that cannot be written is simply not there next time.</summary>
    public static void TryReplace(string path, Action<Stream> write)
    {
        try
        {
            Replace(path, write);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
