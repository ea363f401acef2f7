using NewsSite.Routing;
using NewsSite.Time;

namespace NewsSite.Configuration;

/// <summary>The validated contents of <c>site.yaml</c>.</summary>
public sealed record SiteConfig
{
    public required string Title { get; init; }

    /// <summary>The hash of the bytes of site.yaml this was read from: part of every page's and body's key.</summary>
    public Caching.Hash128 SourceHash { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Absolute, ending in '/': <c>https://example.org/</c> or <c>https://example.org/news/</c>.</summary>
    public Uri BaseUrl { get; init; } = new("http://localhost/");

    public string Language { get; init; } = "en";

    public SiteTimeZone TimeZone { get; init; } = SiteTimeZone.Utc;

    public PermalinkPattern Permalink { get; init; } = PermalinkPattern.Default;

    public int PageSize { get; init; } = 20;

    /// <summary>Sections in the order of the navigation; sections with articles but no entry follow by name.</summary>
    public IReadOnlyList<SectionConfig> Sections { get; init; } = [];

    /// <summary>Extra navigation entries; when empty, the menu lists the sections.</summary>
    public IReadOnlyList<MenuItem> Menu { get; init; } = [];

    /// <summary>Links at the foot of every page (about, contact, feeds); when empty, the theme's own.</summary>
    public IReadOnlyList<MenuItem> FooterMenu { get; init; } = [];

    /// <summary>Bios, photos and links of bylined authors, matched to articles by the slug of the name.</summary>
    public IReadOnlyList<AuthorProfile> Authors { get; init; } = [];

    public PublisherConfig? Publisher { get; init; }

    public MarkdownConfig Markdown { get; init; } = new();

    public AdsConfig Ads { get; init; } = new();

    public FeedsConfig Feeds { get; init; } = new();

    public SearchConfig Search { get; init; } = new();

    public PicturesConfig Pictures { get; init; } = new();

    /// <summary>
    /// Folders under content/ (<c>graphics/elections-2026</c>, no slashes at either end) whose HTML, JavaScript and
    /// SVG files are published as they are: standalone interactive graphics the newsroom vouches for.
    /// </summary>
    public IReadOnlyList<string> InteractiveFolders { get; init; } = [];

    /// <summary>Where <c>newssite deploy</c> publishes the site; null when site.yaml has no <c>deploy:</c>.</summary>
    public DeployConfig? Deploy { get; init; }

    /// <summary>The path part of the base URL ("/" or "/news/"): every internal link starts with it.</summary>
    public string BasePath => BaseUrl.AbsolutePath;
}

/// <summary>A section's slug (its key and URL segment) and its display name.</summary>
public sealed record SectionConfig(string Slug, string Name);

public sealed record MenuItem(string Name, string Url);

public sealed record PublisherConfig(string Name, string? Logo);

/// <param name="Slug">The author page's slug: <c>Ananya Rao</c> and <c>ananya-rao</c> are one author.</param>
/// <param name="Photo">A path on the site (<c>/media/authors/rao.jpg</c>) or an https URL.</param>
/// <param name="Links">Profiles elsewhere and contact addresses: http(s) and mailto URLs only.</param>
public sealed record AuthorProfile(string Slug, string Name, string? Bio, string? Photo, IReadOnlyList<MenuItem> Links);

public sealed record MarkdownConfig
{
    /// <summary>Curly quotes, dashes and ellipses, as newsrooms print them.</summary>
    public bool SmartPunctuation { get; init; } = true;

    /// <summary>What happens to raw HTML in article bodies; see <see cref="RawHtmlMode"/>.</summary>
    public RawHtmlMode RawHtml { get; init; } = RawHtmlMode.Sanitize;

    /// <summary>Host names (lowercase, e.g. <c>www.youtube.com</c>) whose iframes a sanitized body may embed.</summary>
    public IReadOnlyList<string> EmbedHosts { get; init; } = [];
}

/// <summary>Where advertisement slots go. Off by default: no trace in the markup.</summary>
public sealed record AdsConfig
{
    public bool Enabled { get; init; }

    /// <summary>The slot inside the body follows this paragraph (0: no slot in the body).</summary>
    public int AfterParagraph { get; init; } = 3;

    public bool Sidebar { get; init; } = true;

    public bool Home { get; init; } = true;

    /// <summary>The newsroom's ad tag, put into every slot as it is (trusted configuration, not content).</summary>
    public string Html { get; init; } = "";

    public string Label { get; init; } = "Advertisement";
}

/// <summary>What the RSS, Atom and JSON feeds carry.</summary>
public sealed record FeedsConfig
{
    /// <summary>The newest articles each feed lists.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>The whole article body in each item, or only its summary.</summary>
    public bool FullContent { get; init; }
}

/// <summary>The site's own full-text search (a /search/ page and a static index). On unless switched off.</summary>
public sealed record SearchConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>Slugs of the sections to index; empty: every article.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];
}

/// <summary>How pictures under content/ are resized and cleaned (see NewsSite.Pictures).</summary>
public sealed record PicturesConfig
{
    /// <summary>The widths of the resized copies, ascending; a picture is never enlarged.</summary>
    public IReadOnlyList<int> Widths { get; init; } = [480, 800, 1200, 1600];

    /// <summary>Pictures declaring more pixels than this are refused before any pixel is decoded.</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>Lossy quality (1–100) of the JPEG and WebP copies.</summary>
    public int Quality { get; init; } = 80;

    /// <summary>
    /// The libvips names of the EXIF fields kept on published pictures (<c>exif-ifd0-Copyright</c>); everything else
    /// is removed, GPS position included, and no option brings that back.
    /// </summary>
    public IReadOnlyList<string> KeepMetadata { get; init; } = [];

    /// <summary>What <c>keep_metadata</c> may name, by the name editors write (any case).</summary>
    public static IReadOnlyDictionary<string, string> KeepableFields { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["copyright"] = "exif-ifd0-Copyright",
        ["artist"] = "exif-ifd0-Artist",
        ["description"] = "exif-ifd0-ImageDescription",
    };
}
