using NewsSite.Diagnostics;

namespace NewsSite.Content;

/// <summary>Finds the files under <c>content/</c>, in ordinal order, skipping hidden ones.</summary>
internal static class ContentSource
{
    public const string FolderName = "content";

    public static IReadOnlyList<SourceFile> Discover(string siteRoot, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(siteRoot);
        var contentRoot = Path.Combine(root, FolderName);
        var files = new List<SourceFile>();
        if (Directory.Exists(contentRoot))
        {
            Walk(root, new DirectoryInfo(contentRoot), files, diagnostics);
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private static void Walk(string siteRoot, DirectoryInfo folder, List<SourceFile> files, DiagnosticBag diagnostics)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            var relative = Path.GetRelativePath(siteRoot, entry.FullName).Replace('\\', '/');
            // The attribute comes with the listing; asking every file for its link target was a system call each.
            if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is not null && !LinkStaysInside(siteRoot, entry))
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.LinkOutsideSource,
                    "symbolic link points outside the site folder and is not followed",
                    SourceLocation.StartOf(relative)));
                continue;
            }

            switch (entry)
            {
                case DirectoryInfo directory:
                    Walk(siteRoot, directory, files, diagnostics);
                    break;
                case FileInfo file when Found(relative, file) is { } found:
                    files.Add(found);
                    break;
            }
        }
    }

    /// <summary>The file with its size and time, or null when it vanished since it was listed (an editor's temporary file).</summary>
    private static SourceFile? Found(string relative, FileInfo file)
    {
        try
        {
            return new SourceFile(relative, file.FullName) { Length = file.Length, LastWriteTimeUtc = file.LastWriteTimeUtc };
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static bool LinkStaysInside(string siteRoot, FileSystemInfo entry)
    {
        var target = entry.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !target.Exists)
        {
            return false;
        }

        var prefix = siteRoot.EndsWith(Path.DirectorySeparatorChar) ? siteRoot : siteRoot + Path.DirectorySeparatorChar;
        return target.FullName.StartsWith(prefix, StringComparison.Ordinal);
    }
}
