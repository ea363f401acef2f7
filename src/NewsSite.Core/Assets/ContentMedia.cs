using System.Collections.Concurrent;
using NewsSite.Configuration;
using NewsSite.Content;
using NewsSite.Diagnostics;

namespace NewsSite.Assets;

/// <summary>
/// The files under content/ that are published as they are (everything but articles), and how. HTML and JavaScript
/// can run in the site's origin, so they come only from the folders site.yaml names in <c>interactive_folders</c>;
/// SVG pictures elsewhere are published with their scripts taken out (<see cref="SvgSanitizer"/>).
/// </summary>
internal sealed class ContentMedia
{
    private static readonly string[] ActiveExtensions = [".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".cjs"];

    private ContentMedia(IReadOnlyList<SourceFile> files, IReadOnlyDictionary<string, byte[]> rewritten)
    {
        Files = files;
        Rewritten = rewritten;
    }

    /// <summary>The files to publish, in the order given.</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>By source path: what to publish instead of the file's own bytes (an SVG without its scripts).</summary>
    public IReadOnlyDictionary<string, byte[]> Rewritten { get; }

    public static ContentMedia Select(IEnumerable<SourceFile> files, SiteConfig config, DiagnosticBag diagnostics)
    {
        var candidates = files.Where(f => !f.IsArticle).ToList();
        var skipped = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var rewritten = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var svgs = new List<SourceFile>();
        foreach (var file in candidates)
        {
            var extension = Path.GetExtension(file.RelativePath);
            if (IsInteractive(file, config))
            {
                continue;
            }

            if (ActiveExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                skipped[file.RelativePath] = true;
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.ActiveFileSkipped,
                    $"{(extension.Contains("js", StringComparison.OrdinalIgnoreCase) ? "JavaScript" : "HTML")} file is not published: only folders listed in 'interactive_folders' in site.yaml may publish HTML and JavaScript",
                    SourceLocation.StartOf(file.RelativePath)));
            }
            else if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
            {
                svgs.Add(file);
            }
        }

        Parallel.ForEach(svgs, svg =>
        {
            var (published, warning) = Check(svg);
            if (warning is not null)
            {
                diagnostics.Add(warning);
            }

            if (published is null)
            {
                skipped[svg.RelativePath] = true;
            }
            else if (warning is not null)
            {
                rewritten[svg.RelativePath] = published;
            }
        });

        return new ContentMedia([.. candidates.Where(f => !skipped.ContainsKey(f.RelativePath))], rewritten);
    }

    private static (byte[]? Published, Diagnostic? Warning) Check(SourceFile svg)
    {
        if (svg.Length > SvgSanitizer.MaxBytes)
        {
            return (null, SvgSanitizer.TooLarge(svg.RelativePath));
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(svg.FullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, Diagnostic.Error(DiagnosticCodes.UnreadableFile, $"cannot read the file: {exception.Message}", SourceLocation.StartOf(svg.RelativePath)));
        }

        return SvgSanitizer.Check(bytes, svg.RelativePath);
    }

    /// <summary>Under one of the folders site.yaml vouches for: <c>content/graphics/elections-2026/…</c>.</summary>
    private static bool IsInteractive(SourceFile file, SiteConfig config)
    {
        var path = file.RelativePath.AsSpan(ContentSource.FolderName.Length + 1);
        foreach (var folder in config.InteractiveFolders)
        {
            if (path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == '/')
            {
                return true;
            }
        }

        return false;
    }
}
