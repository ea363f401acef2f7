namespace NewsSite.Output;

/// <summary>
/// The file system refused a write beside or into the output folder (a full disk, a read-only file system, a
/// permission): the build fails with an error that says which, and the previous output stays as it was.
/// </summary>
internal sealed class OutputWriteException : IOException
{
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;
    private const int ReadOnlyFileSystem = 30;
    private const int Busy = 16;
    private const int SymbolicLinkLoop = 40;

    public OutputWriteException(string path, Exception inner)
        : base(Reason(inner) is { } reason ? $"{reason} ({path})" : inner.Message, inner)
    {
        Path = path;
    }

    public OutputWriteException()
    {
        Path = "";
    }

    public OutputWriteException(string message)
        : base(message)
    {
        Path = "";
    }

    public string Path { get; }

    /// <summary>What went wrong, in words an editor can act on; the errno values are Linux's.</summary>
    /// <returns>Null where the exception's own message says it best (it names the path, too).</returns>
    public static string? Reason(Exception exception) => exception switch
    {
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "a path is longer than the file system allows",
        IOException { HResult: NoSpace or QuotaExceeded } => "the disk is full",
        IOException { HResult: ReadOnlyFileSystem } => "the file system is read-only",
        IOException { HResult: Busy } => "the folder is a mount point or in use",
        IOException { HResult: SymbolicLinkLoop } => "a symbolic link on the way loops",
        _ => null,
    };

    /// <summary>True for what the file system throws when it refuses a write; not for a file that changed under the build.</summary>
    public static bool Refusal(Exception exception) =>
        exception is (IOException or UnauthorizedAccessException) and not OutputWriteException and not FrontMatter.ContentChangedException;
}
