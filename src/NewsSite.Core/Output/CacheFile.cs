using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NewsSite.Output;

/// <summary>
/// Replaces a file of the cache folder whole: written to a temporary file beside it (a name of its own, so two builds
/// never write into the same one) and renamed over it, so a killed build never leaves half a file behind. Reads one
/// back as "nothing" when it is missing or cannot be read.
/// </summary>
internal static class CacheFile
{
    /// <returns>The file's JSON as <typeparamref name="T"/>; null when the file is missing, unreadable or not such JSON.</returns>
    public static T? TryReadJson<T>(string path, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), type) : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// True for what reading a damaged, cut or unreadable cache file throws, which must mean "start over": a short
    /// read (an <see cref="IOException"/>), a garbled length (<see cref="FormatException"/>, or an
    /// <see cref="OverflowException"/> or <see cref="ArgumentException"/> once used), a check that failed
    /// (<see cref="InvalidDataException"/>) or a file the build may not read.
    /// </summary>
    public static bool Unreadable(Exception exception) => exception switch
    {
        AggregateException many => many.Flatten().InnerExceptions.All(Unreadable),
        _ => exception is IOException or FormatException or OverflowException or ArgumentException or InvalidDataException or UnauthorizedAccessException,
    };

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
