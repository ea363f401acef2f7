using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NewsSite.Output;

/// <summary>
/// One build at a time per output folder: an exclusive OS lock on <c>build.lock</c> in the cache folder, held from the
/// build's first look at the output to its last write. The OS drops the lock when the process ends, however it ends,
/// so a killed build never blocks the next one. The file itself is never deleted: a build that deleted it could
/// leave two builds each holding a lock on a different file.
/// </summary>
/// <remarks>
/// On Unix the lock is taken with flock(2) directly: the CLI turns off .NET's own advisory locks of every file it
/// opens (System.IO.DisableFileLocking, two system calls per output file). On Windows, FileShare.None is the lock.
/// </remarks>
internal sealed partial class BuildLock : IDisposable
{
    public const string FileName = "build.lock";

    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int WouldBlockLinux = 11;
    private const int WouldBlockMac = 35;
    private const int SharingViolation = unchecked((int)0x80070020);

    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    /// <returns>The lock, or null when another build (in this process or another) holds it.</returns>
    /// <exception cref="OutputWriteException">The cache folder or the lock file cannot be made.</exception>
    public static BuildLock? TryTake(string cacheRoot)
    {
        FileStream file;
        try
        {
            Directory.CreateDirectory(cacheRoot);
            file = new FileStream(Path.Combine(cacheRoot, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (exception.HResult is SharingViolation or WouldBlockLinux or WouldBlockMac)
        {
            // .NET's own lock (where it is not turned off) found the file locked.
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException(cacheRoot, exception);
        }

        if (OperatingSystem.IsWindows() || Flock(file.SafeFileHandle, LockExclusive | LockNonBlocking) == 0)
        {
            return new BuildLock(file);
        }

        var error = Marshal.GetLastPInvokeError();
        if (error is WouldBlockLinux or WouldBlockMac)
        {
            file.Dispose();
            return null;
        }

        // A file system without locks (some network mounts) cannot keep builds apart; it need not stop them either.
        return new BuildLock(file);
    }

    public void Dispose() => _file.Dispose();

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle file, int operation);
}
