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
    /// <summary>Files a browser runs as a page or a script, by extension, with what to call them in a warning.</summary>
    private static readonly Dictionary<string, string> ActiveFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "HTML", [".htm"] = "HTML", [".xhtml"] = "HTML", [".xht"] = "HTML", [".shtml"] = "HTML",
        [".js"] = "JavaScript", [".mjs"] = "JavaScript", [".cjs"] = "JavaScript",
        [".xsl"] = "XSLT", [".xslt"] = "XSLT",
        [".svgz"] = "compressed SVG", // cannot be checked without unpacking, and hosts serve it to run as SVG
    };

    /// <summary>The most a file published as it is may hold: it is read into memory whole.</summary>
    public const long MaxFileBytes = 1024L * 1024 * 1024;

    private ContentMedia(IReadOnlyList<SourceFile> files, IReadOnlyDictionary<string, byte[]> rewritten)
    {
        Files = files;
        Rewritten = rewritten;
    }

    /// <summary>The files to publish, in the order given.</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>By source path: what to publish instead of the file's own bytes (an SVG without its scripts).</summary>
    public IReadOnlyDictionary<string, byte[]> Rewritten { get; }

    /// <summary>The site paths the files are published at.</summary>
    public ISet<string> Routes => Files.Select(RouteOf).ToHashSet(StringComparer.Ordinal);

    /// <summary><c>content/media/x.jpg</c> is published at <c>/media/x.jpg</c>.</summary>
    public static string RouteOf(SourceFile file) => file.RelativePath[ContentSource.FolderName.Length..];

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

            if (ActiveFiles.TryGetValue(extension, out var kind))
            {
                skipped[file.RelativePath] = true;
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.ActiveFileSkipped,
                    $"{kind} file is not published: only folders listed in 'interactive_folders' in site.yaml may publish HTML, JavaScript and other files that run script",
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

        var (bytes, unreadable) = RegularFile.ReadOrProblem(svg.FullPath, svg.RelativePath, SvgSanitizer.MaxBytes);
        return bytes is null ? (null, unreadable) : SvgSanitizer.Check(bytes, svg.RelativePath);
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
