using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using NewsSite.Diagnostics;

namespace NewsSite.Content;

/// <summary>
/// Opens and reads files that must be regular files of bounded size. What a listing found may have been replaced
/// since: a named pipe blocks whoever opens it for reading, a device such as <c>/dev/zero</c> never ends, and a file
/// may have grown. So the file is opened without waiting, and its kind and size are checked on the open file.
/// </summary>
internal static partial class RegularFile
{
    private const int ReadOnlyWithoutWaiting = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC on Linux

    /// <summary>O_NOFOLLOW, whose value Linux gives differently on ARM and POWER.</summary>
    private static int NoFollow =>
        RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm or Architecture.Ppc64le ? 0x8000 : 0x20000;

    /// <param name="followLinks">False where a link was refused when the file was listed: one put there since is refused too.</param>
    /// <exception cref="IOException">It cannot be opened, or it is not a regular file (or a link, when not followed).</exception>
    /// <exception cref="UnauthorizedAccessException">Reading it is not allowed.</exception>
    public static SafeFileHandle Open(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var descriptor = OpenFile(path, ReadOnlyWithoutWaiting | (followLinks ? 0 : NoFollow));
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            var message = Marshal.GetPInvokeErrorMessage(error);
            throw error switch
            {
                2 => new FileNotFoundException(message, path), // ENOENT
                13 => new UnauthorizedAccessException(message), // EACCES
                40 when !followLinks => new IOException("it is a symbolic link, which is not followed"), // ELOOP
                _ => new IOException(message),
            };
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (FileKind.SpecialKind(handle) is { } kind)
        {
            handle.Dispose();
            throw new IOException($"it is a {kind}, not a regular file");
        }

        return handle;
    }

    /// <summary>The whole file, which may be at most <paramref name="maxBytes"/> long.</summary>
    /// <exception cref="IOException">It cannot be read, it is not a regular file, or it is too long.</exception>
    /// <exception cref="UnauthorizedAccessException">Reading it is not allowed.</exception>
    public static byte[] Read(string path, long maxBytes, bool followLinks = true)
    {
        using var handle = Open(path, followLinks);
        var length = RandomAccess.GetLength(handle);
        var allowed = Math.Min(maxBytes, Array.MaxLength);
        if (length > allowed)
        {
            var (size, limit) = (Megabytes(length), Megabytes(allowed));
            throw new IOException(size == limit
                ? string.Create(CultureInfo.InvariantCulture, $"it is {length:N0} bytes, more than the {allowed:N0} allowed")
                : $"it is {size} MB, more than the {limit} MB allowed");
        }

        var bytes = new byte[length];
        var filled = 0;
        for (int read; filled < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(filled), filled)) > 0;)
        {
            filled += read;
        }

        // A file cut short since it was measured is read as it is now, as File.ReadAllBytes would.
        return filled == bytes.Length ? bytes : bytes[..filled];
    }

    /// <summary>
    /// <see cref="Read"/> for a file of the site: what cannot be read is error NS0003 at <paramref name="shownAs"/>
    /// (the path diagnostics name it by), not an exception.
    /// </summary>
    public static (byte[]? Bytes, Diagnostic? Problem) ReadOrProblem(string path, string shownAs, long maxBytes)
    {
        try
        {
            return (Read(path, maxBytes), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, Diagnostic.Error(DiagnosticCodes.UnreadableFile, $"cannot read the file: {exception.Message}", SourceLocation.StartOf(shownAs)));
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("#,0.##", CultureInfo.InvariantCulture);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenFile(string path, int flags);
}
