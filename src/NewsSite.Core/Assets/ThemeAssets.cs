using NewsSite.Caching;
using NewsSite.Output;
using NewsSite.Templates;

namespace NewsSite.Assets;

/// <summary>
/// The theme's files under <c>assets/</c> and where they are published. Stylesheets and scripts get their content
/// hash in the name (<c>assets/style.1a2b3c4d5e.css</c>), so a static host can let browsers cache them for ever.
/// </summary>
public sealed class ThemeAssets
{
    private readonly Dictionary<string, string> _routes = new(StringComparer.Ordinal);

    public ThemeAssets(TemplateSet templates)
    {
        foreach (var (name, file) in templates.Assets)
        {
            if (!name.StartsWith("assets/", StringComparison.Ordinal))
            {
                continue;
            }

            var bytes = file.Bytes;
            var published = IsFingerprinted(name)
                ? $"{name[..name.LastIndexOf('.')]}.{ContentHash.Of(bytes).ToString()[..10].ToLowerInvariant()}{Path.GetExtension(name)}"
                : name;
            _routes[name] = "/" + published;
            Files.Add((published, file));
        }
    }

    /// <summary>Output path and theme file of each asset.</summary>
    public List<(string Path, ThemeFile File)> Files { get; } = [];

    /// <summary>The site route of a theme asset, e.g. <c>assets/style.css</c> -> <c>/assets/style.1a2b3c4d5e.css</c>.</summary>
    public string Route(string themePath) => _routes.TryGetValue(themePath, out var route) ? route : "/" + themePath;

    private static bool IsFingerprinted(string name) => name.EndsWith(".css", StringComparison.Ordinal) || name.EndsWith(".js", StringComparison.Ordinal);
}
