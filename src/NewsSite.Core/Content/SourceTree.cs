using NewsSite.Diagnostics;

namespace NewsSite.Content;

/// <summary>
/// The regular files under one folder of the site (content/ or templates/), in ordinal order. Hidden entries and
/// editors' scratch files are left out; a symbolic link is followed only to a place inside the site that is not
/// hidden (never .git or .env); every real folder is read once, so link cycles end at the link and the walk stays
/// linear; pipes, sockets and devices are never opened.
/// </summary>
internal sealed class SourceTree
{
    private readonly string _realRoot;
    private readonly Severity _leavingSite;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _readFolders = new(StringComparer.Ordinal);
    private readonly Queue<(string Relative, string Real)> _linkedFolders = new();
    private readonly List<SourceFile> _files = [];

    private SourceTree(string realRoot, Severity leavingSite, DiagnosticBag diagnostics)
    {
        _realRoot = realRoot;
        _leavingSite = leavingSite;
        _diagnostics = diagnostics;
    }

    /// <param name="folderName">The folder under the site root: "content" or "templates".</param>
    /// <param name="leavingSite">How a link out of the site, or into a hidden path of it, is reported.</param>
    public static IReadOnlyList<SourceFile> List(string siteRoot, string folderName, Severity leavingSite, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(siteRoot);
        var folder = Path.Combine(root, folderName);
        if (File.Exists(folder))
        {
            // Building on would publish a site without its articles (or its theme) over the last one.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, $"'{folderName}' is a file, not a folder, so nothing under it can be read", SourceLocation.StartOf(folderName)));
            return [];
        }

        if (!Directory.Exists(folder) || RealPath.Of(root, out _) is not { } realRoot)
        {
            return [];
        }

        var tree = new SourceTree(realRoot, leavingSite, diagnostics);
        if (tree.Follow(folderName, new DirectoryInfo(folder), realRoot) is { } real)
        {
            tree._linkedFolders.Enqueue((folderName, real));
        }

        // Real folders first, then the folders links lead to: a link to a folder that is also reached directly is
        // the one reported, whatever the names sort as.
        while (tree._linkedFolders.TryDequeue(out var next))
        {
            if (tree._readFolders.Add(next.Real))
            {
                tree.Walk(next.Relative, next.Real);
            }
            else
            {
                tree.Report(Severity.Warning, DiagnosticCodes.LinkLoop, "symbolic link leads to a folder that is already read, and is not followed", next.Relative);
            }
        }

        tree._files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return tree._files;
    }

    private void Walk(string relative, string realFolder)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(realFolder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Report(Severity.Warning, DiagnosticCodes.UnreadableFile, $"cannot read the folder: {exception.Message}", relative);
            return;
        }

        foreach (var entry in entries)
        {
            var path = relative + "/" + entry.Name;
            if (ScratchFiles.Matches(entry.Name))
            {
                Report(Severity.Warning, DiagnosticCodes.ScratchFile, $"'{entry.Name}' is an editor's backup or scratch file and is not published", path);
                continue;
            }

            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            // .NET lists a name that is not UTF-8 with U+FFFD in place of its bad bytes: that name opens nothing.
            if (entry.Name.Contains('\uFFFD', StringComparison.Ordinal) && !entry.Exists)
            {
                Report(Severity.Warning, DiagnosticCodes.UnreadableFile, "the name is not valid UTF-8, so the file cannot be read; rename it", path);
                continue;
            }

            // The attribute comes with the listing; asking every file for its link target was a system call each.
            if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                if (Follow(path, entry, realFolder) is { } linkedFolder)
                {
                    _linkedFolders.Enqueue((path, linkedFolder));
                }
            }
            else if (entry is DirectoryInfo)
            {
                if (_readFolders.Add(entry.FullName))
                {
                    Walk(path, entry.FullName);
                }
                else
                {
                    Report(Severity.Warning, DiagnosticCodes.LinkLoop, "folder was already read through a symbolic link, and is not read again", path);
                }
            }
            else
            {
                Add(path, (FileInfo)entry);
            }
        }
    }

    /// <summary>Adds a link's target file, or returns its target folder to read later; null when it is not followed.</summary>
    private string? Follow(string path, FileSystemInfo entry, string realParent)
    {
        string? real;
        bool loops;
        try
        {
            real = RealPath.Of(entry.FullName, out loops);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Report(Severity.Warning, DiagnosticCodes.UnreadableFile, $"cannot follow the symbolic link: {exception.Message}", path);
            return null;
        }

        if (real is null)
        {
            if (loops)
            {
                Report(Severity.Warning, DiagnosticCodes.LinkLoop, "symbolic link leads back to itself and is not followed", path);
            }
            else
            {
                Report(Severity.Warning, DiagnosticCodes.LinkOutsideSource, "symbolic link points to nothing and is not followed", path);
            }

            return null;
        }

        // A real path is the site root itself, or the root, a separator and the path inside the site.
        var inside = real == _realRoot ? "" : real.StartsWith(_realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? real[(_realRoot.Length + 1)..] : null;
        if (inside is null)
        {
            Report(_leavingSite, DiagnosticCodes.LinkOutsideSource, "symbolic link points outside the site folder and is not followed", path);
            return null;
        }

        if (inside.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
        {
            Report(_leavingSite, DiagnosticCodes.LinkOutsideSource, $"symbolic link points to '{inside.Replace('\\', '/')}', a hidden path of the site, and is not followed", path);
            return null;
        }

        if (!Directory.Exists(real))
        {
            Add(path, new FileInfo(real));
            return null;
        }

        if (real == realParent || realParent.StartsWith(real + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            Report(Severity.Warning, DiagnosticCodes.LinkLoop, "symbolic link leads to a folder that holds it, and is not followed", path);
            return null;
        }

        return real;
    }

    private void Add(string path, FileInfo file)
    {
        SourceFile found;
        try
        {
            found = new SourceFile(path, file.FullName) { Length = file.Length, LastWriteTimeUtc = file.LastWriteTimeUtc };
        }
        catch (FileNotFoundException)
        {
            // Gone since it was listed: an editor's temporary file.
            return;
        }

        if (FileKind.SpecialKind(file.FullName, found.Length) is { } kind)
        {
            Report(Severity.Warning, DiagnosticCodes.SpecialFile, $"{kind} is not a regular file and is skipped", path);
            return;
        }

        _files.Add(found);
    }

    private void Report(Severity severity, string code, string message, string path) =>
        _diagnostics.Add(new Diagnostic(severity, code, message, SourceLocation.StartOf(path)));
}
