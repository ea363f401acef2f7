using NewsSite.Caching;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.Templates;

namespace NewsSite.Output;

/// <summary>
/// What must hold of the output folder before a build starts: the swap replaces it whole, so it must be a plain
/// folder (or nothing yet) that is not the site, not a mount point, and not someone else's files.
/// </summary>
internal static class OutputFolderCheck
{
    /// <returns>The error that stops the build, or null when the folder may be built into.</returns>
    /// <param name="force">Replace a folder with files in it that no build of NewsSite made.</param>
    public static Diagnostic? Problem(string source, string outputRoot, bool force)
    {
        if (string.IsNullOrWhiteSpace(outputRoot))
        {
            return Error("the output folder is an empty path; name a folder such as _site");
        }

        string output;
        try
        {
            output = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Error($"the output folder '{outputRoot}' is not a usable path: {exception.Message}");
        }

        var sourceWithSlash = source.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var outputWithSlash = output + Path.DirectorySeparatorChar;
        var unsafeOutput = sourceWithSlash.StartsWith(outputWithSlash, StringComparison.Ordinal)
            || outputWithSlash.StartsWith(Path.Combine(source, ContentSource.FolderName) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || outputWithSlash.StartsWith(Path.Combine(source, TemplateSet.FolderName) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.GetDirectoryName(output) is null;
        if (unsafeOutput)
        {
            return Error($"the output folder '{outputRoot}' would replace the site's own files; choose a folder such as _site");
        }

        if (!Directory.Exists(output))
        {
            return new FileInfo(output).LinkTarget is not null ? Error($"the output folder '{outputRoot}' is a symbolic link that leads to no folder (a loop, or a missing target); remove it or choose another --output")
                : File.Exists(output) ? Error($"the output folder '{outputRoot}' is a file, not a folder; remove it or choose another --output")
                : null;
        }

        if (MountPoints.IsMountPoint(output))
        {
            return Error($"the output folder '{outputRoot}' is a mount point: a build puts the finished site in place by renaming it, which a mount point does not allow; build into a folder inside it, such as {Path.Combine(outputRoot, "site")}");
        }

        if (!force && !Directory.Exists(CacheFolder.Of(output)) && HoldsAnything(output))
        {
            return Error($"the output folder '{outputRoot}' holds files that NewsSite did not write (there is no {Path.GetFileName(CacheFolder.Of(output))}/ beside it), and a build would delete them all; choose an empty or new folder, or pass --force to replace it");
        }

        return null;
    }

    private static bool HoldsAnything(string folder)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(folder).Any();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder the build cannot even list is not one it may replace; the swap reports why.
            return true;
        }
    }

    private static Diagnostic Error(string message) => Diagnostic.Error(DiagnosticCodes.OutputFailure, message, null);
}
