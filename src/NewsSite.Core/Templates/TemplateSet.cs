using System.Reflection;
using NewsSite.Content;
using NewsSite.Diagnostics;
using Scriban;
using Scriban.Parsing;

namespace NewsSite.Templates;

/// <summary>
/// The theme's templates, parsed once: the built-in theme embedded in this assembly, overridden file by file by
/// the site's own <c>templates/</c> folder.
/// </summary>
public sealed class TemplateSet
{
    public const string FolderName = "templates";

    /// <summary>The most a theme file may hold: every one is read into memory, and copied into the output.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private const string ResourcePrefix = "theme/";

    private readonly IReadOnlyDictionary<string, Template> _templates;

    private TemplateSet(IReadOnlyDictionary<string, Template> templates, IReadOnlyDictionary<string, ThemeFile> assets, Caching.Hash128 fingerprint)
    {
        _templates = templates;
        Assets = assets;
        Fingerprint = fingerprint;
    }

    /// <summary>A hash of every theme file's name and bytes: a change to any of them changes every page.</summary>
    public Caching.Hash128 Fingerprint { get; }

    /// <summary>Theme files that are copied, not rendered (<c>assets/style.css</c>), keyed by theme path.</summary>
    public IReadOnlyDictionary<string, ThemeFile> Assets { get; }

    public IReadOnlyDictionary<string, Template> Templates => _templates;

    public bool Contains(string name) => _templates.ContainsKey(name);

    public Template Get(string name) => _templates[name];

    public static TemplateSet? Load(string siteRoot, DiagnosticBag diagnostics)
    {
        var sources = new SortedDictionary<string, (string DisplayPath, Func<(byte[]? Bytes, Diagnostic? Problem)> Read)>(StringComparer.Ordinal);
        foreach (var (name, displayPath, read) in BuiltInFiles())
        {
            sources[name] = (displayPath, read);
        }

        var listing = new DiagnosticBag();
        foreach (var (name, full) in SiteFiles(siteRoot, listing))
        {
            var displayPath = $"{FolderName}/{name}";
            sources[name] = (displayPath, () => RegularFile.ReadOrProblem(full, displayPath, MaxFileBytes));
        }

        diagnostics.AddRange(listing.ToSortedList());

        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var assets = new SortedDictionary<string, ThemeFile>(StringComparer.Ordinal);
        var fingerprint = new Caching.ContentHash.Builder();
        var ok = !listing.HasErrors;
        foreach (var (name, (displayPath, read)) in sources)
        {
            // Each file is read once: what is fingerprinted, parsed and published are the same bytes.
            var (bytes, unreadable) = read();
            if (bytes is null)
            {
                diagnostics.Add(unreadable!);
                ok = false;
                continue;
            }

            fingerprint.Add(name).Add(Caching.ContentHash.Of(bytes));
            if (!name.EndsWith(".html", StringComparison.Ordinal) || name.StartsWith("assets/", StringComparison.Ordinal))
            {
                assets[name] = new ThemeFile(name, displayPath, bytes);
                continue;
            }

            var (text, decodeError) = SourceText.Decode(bytes, displayPath);
            if (decodeError is not null)
            {
                diagnostics.Add(decodeError);
                ok = false;
                continue;
            }

            var template = Template.Parse(text!, displayPath);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TemplateSyntax, message.Message, Locate(displayPath, message.Span)));
                }

                ok = false;
                continue;
            }

            templates[name] = template;
        }

        return ok ? new TemplateSet(templates, assets, fingerprint.Finish()) : null;
    }

    /// <summary>
    /// The site's own theme files under <c>templates/</c>, found as <see cref="SourceTree"/> finds content: name and
    /// full path. A link out of the site is an error here: a theme file reaches every page.
    /// </summary>
    public static IEnumerable<(string Name, string FullPath)> SiteFiles(string siteRoot, DiagnosticBag diagnostics) =>
        SourceTree.List(siteRoot, FolderName, Severity.Error, diagnostics).Select(file => (file.RelativePath[(FolderName.Length + 1)..], file.FullPath));

    /// <summary>Scriban spans are 0-based; ours are 1-based.</summary>
    internal static SourceLocation Locate(string path, SourceSpan span) =>
        new(path, span.Start.Line + 1, span.Start.Column + 1);

    private static IEnumerable<(string Name, string DisplayPath, Func<(byte[]? Bytes, Diagnostic? Problem)> Read)> BuiltInFiles()
    {
        var assembly = typeof(TemplateSet).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                var name = resource[ResourcePrefix.Length..];
                yield return (name, $"{FolderName}/{name} (built-in)", () => (ReadResource(assembly, resource), null));
            }
        }
    }

    private static byte[] ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>A file of the theme, from the site or built in.</summary>
public sealed record ThemeFile(string Name, string DisplayPath, byte[] Bytes);
