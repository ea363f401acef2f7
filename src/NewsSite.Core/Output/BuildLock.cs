namespace NewsSite.Output;

/// <summary>
/// One build at a time per output folder: an exclusive OS lock (flock on Linux) on <c>build.lock</c> in the cache
/// folder, held from the build's first look at the output to its last write. The OS drops the lock when the process
/// ends, however it ends, so a killed build never blocks the next one. The file itself is never deleted: a build
/// that deleted it could leave two builds each holding a lock on a different file.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    public const string FileName = "build.lock";

    private const int WouldBlock = 11; // EAGAIN: the lock is held elsewhere (Linux)
    private const int SharingViolation = unchecked((int)0x80070020); // the same on Windows

    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    /// <returns>The lock, or null when another build (in this process or another) holds it.</returns>
    /// <exception cref="OutputWriteException">The cache folder or the lock file cannot be made.</exception>
    public static BuildLock? TryTake(string cacheRoot)
    {
        var path = Path.Combine(cacheRoot, FileName);
        try
        {
            Directory.CreateDirectory(cacheRoot);
            return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException exception) when (exception.HResult is WouldBlock or SharingViolation)
        {
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException(cacheRoot, exception);
        }
    }

    public void Dispose() => _file.Dispose();
}
