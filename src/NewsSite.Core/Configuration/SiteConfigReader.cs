using System.Text.RegularExpressions;
using NewsSite.Caching;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.Routing;
using NewsSite.Time;
using NewsSite.Yaml;

namespace NewsSite.Configuration;

/// <summary>Reads and validates <c>site.yaml</c>; unknown keys are warnings, wrong values errors.</summary>
internal static partial class SiteConfigReader
{
    public const string FileName = "site.yaml";

    /// <summary>Far more than any newsroom's settings, sections and author profiles take.</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    private static readonly string[] TopLevelKeys =
        ["title", "description", "base_url", "language", "time_zone", "permalink", "page_size", "sections", "menu", "footer_menu", "authors", "publisher", "markdown", "ads", "feeds", "search", "interactive_folders", "pictures", "deploy"];

    public static SiteConfig? Read(string siteRoot, DiagnosticBag bag, string? baseUrlOverride = null)
    {
        var path = Path.Combine(siteRoot, FileName);
        if (!File.Exists(path))
        {
            bag.Add(Diagnostic.Error(DiagnosticCodes.MissingConfig, $"no {FileName} in the site folder '{siteRoot}'", null));
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = RegularFile.Read(path, MaxBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            bag.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, $"cannot read {FileName}: {exception.Message}", SourceLocation.StartOf(FileName)));
            return null;
        }

        var (text, decodeError) = SourceText.Decode(bytes, FileName);
        if (decodeError is not null)
        {
            bag.Add(decodeError);
            return null;
        }

        return Parse(text!, bag, baseUrlOverride) is { } config ? config with { SourceHash = ContentHash.Of(bytes) } : null;
    }

    public static SiteConfig? Parse(string text, DiagnosticBag bag, string? baseUrlOverride = null)
    {
        var (root, yamlError) = YamlTreeReader.Read(text, FileName, firstLine: 1, YamlLimits.Default);
        if (yamlError is not null)
        {
            bag.Add(yamlError);
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        var reader = new YamlFieldReader(FileName, diagnostics);
        if (root is not YamlMapping map)
        {
            bag.Add(Diagnostic.Error(DiagnosticCodes.InvalidConfig, $"{FileName} must be a mapping of settings (title: ..., base_url: ...)", SourceLocation.StartOf(FileName)));
            return null;
        }

        foreach (var (key, _) in map.Entries)
        {
            if (!TopLevelKeys.Contains(key.Value, StringComparer.Ordinal))
            {
                reader.Warning(DiagnosticCodes.UnknownConfigKey, $"unknown setting '{key.Value}' is ignored", key);
            }
        }

        var title = reader.String(map["title"], "title");
        if (string.IsNullOrWhiteSpace(title))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidConfig, "'title' is required", map["title"] is { } t ? reader.At(t) : SourceLocation.StartOf(FileName)));
        }

        var config = new SiteConfig
        {
            Title = title?.Trim() ?? "",
            Description = reader.String(map["description"], "description")?.Trim() ?? "",
            BaseUrl = ReadBaseUrl(reader, map["base_url"], baseUrlOverride),
            Language = ReadLanguage(reader, map["language"]),
            TimeZone = ReadTimeZone(reader, map["time_zone"]),
            Permalink = ReadPermalink(reader, map["permalink"]),
            PageSize = reader.Int(map["page_size"], "page_size", 1, 500) ?? 20,
            Sections = ReadSections(reader, map["sections"]),
            Menu = ReadMenu(reader, map["menu"]),
            FooterMenu = ReadMenu(reader, map["footer_menu"], "footer_menu"),
            Authors = ReadAuthors(reader, map["authors"]),
            Publisher = ReadPublisher(reader, map["publisher"]),
            Markdown = ReadMarkdown(reader, map["markdown"]),
            Ads = ReadAds(reader, map["ads"]),
            Feeds = ReadFeeds(reader, map["feeds"]),
            Search = ReadSearch(reader, map["search"]),
            Pictures = ReadPictures(reader, map["pictures"]),
            InteractiveFolders = ReadInteractiveFolders(reader, map["interactive_folders"]),
            Deploy = DeployConfigReader.Read(reader, map["deploy"]),
        };

        bag.AddRange(diagnostics);
        return diagnostics.Exists(d => d.IsError) ? null : config;
    }

    private static Uri ReadBaseUrl(YamlFieldReader reader, YamlNode? node, string? overrideText)
    {
        var text = overrideText ?? reader.String(node, "base_url");
        if (text is null)
        {
            return new Uri("http://localhost/");
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            var message = $"'base_url' must be an absolute http or https URL such as https://example.org/, not '{text}'";
            if (node is not null && overrideText is null)
            {
                reader.Error(DiagnosticCodes.InvalidConfig, message, node);
            }
            else
            {
                reader.Error(DiagnosticCodes.InvalidConfig, message + " (from --base-url)", new YamlScalar(text, true, 1, 1));
            }

            return new Uri("http://localhost/");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static string ReadLanguage(YamlFieldReader reader, YamlNode? node)
    {
        var text = reader.String(node, "language")?.Trim();
        if (text is null)
        {
            return "en";
        }

        if (!LanguageTag().IsMatch(text))
        {
            reader.Error(DiagnosticCodes.InvalidConfig, $"'language' must be a language tag such as en or en-GB, not '{text}'", node!);
            return "en";
        }

        return text;
    }

    private static SiteTimeZone ReadTimeZone(YamlFieldReader reader, YamlNode? node)
    {
        var text = reader.String(node, "time_zone")?.Trim();
        if (text is null)
        {
            return SiteTimeZone.Utc;
        }

        var zone = SiteTimeZone.Find(text);
        if (zone is null)
        {
            reader.Error(DiagnosticCodes.InvalidConfig, $"unknown time zone '{text}'; use an IANA name such as Asia/Kolkata or Europe/London", node!);
            return SiteTimeZone.Utc;
        }

        return zone;
    }

    private static PermalinkPattern ReadPermalink(YamlFieldReader reader, YamlNode? node)
    {
        var text = reader.String(node, "permalink")?.Trim();
        if (text is null)
        {
            return PermalinkPattern.Default;
        }

        var (pattern, error) = PermalinkPattern.Parse(text);
        if (error is not null)
        {
            reader.Error(DiagnosticCodes.InvalidConfig, error, node!);
        }

        return pattern ?? PermalinkPattern.Default;
    }

    private static IReadOnlyList<SectionConfig> ReadSections(YamlFieldReader reader, YamlNode? node)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            reader.Error(DiagnosticCodes.InvalidConfig, "'sections' must be a list of section names, or of {slug, name}", node);
            return [];
        }

        var sections = new List<SectionConfig>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            string? name;
            string? slug;
            if (item is YamlMapping entry)
            {
                name = reader.String(entry["name"], "name")?.Trim();
                slug = reader.String(entry["slug"], "slug")?.Trim();
            }
            else
            {
                name = reader.String(item, "sections")?.Trim();
                slug = null;
            }

            if (string.IsNullOrEmpty(name))
            {
                reader.Error(DiagnosticCodes.InvalidConfig, "a section needs a name", item);
                continue;
            }

            slug = Slugifier.Slugify(string.IsNullOrEmpty(slug) ? name : slug);
            if (slug.Length == 0 || !seen.Add(slug))
            {
                reader.Error(DiagnosticCodes.InvalidConfig, $"section '{name}' repeats or has no usable URL name", item);
                continue;
            }

            sections.Add(new SectionConfig(slug, name));
        }

        return sections;
    }

    private static IReadOnlyList<MenuItem> ReadMenu(YamlFieldReader reader, YamlNode? node, string field = "menu")
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            reader.Error(DiagnosticCodes.InvalidConfig, $"'{field}' must be a list of {{name, url}}", node);
            return [];
        }

        var items = new List<MenuItem>();
        foreach (var item in sequence.Items)
        {
            var entry = reader.Mapping(item, field);
            var name = reader.String(entry?["name"], "name")?.Trim();
            var url = reader.String(entry?["url"], "url")?.Trim();
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(url))
            {
                reader.Error(DiagnosticCodes.InvalidConfig, $"a {field} entry needs a name and a url", item);
                continue;
            }

            if (!IsSafeLink(url))
            {
                reader.Error(DiagnosticCodes.InvalidConfig, $"'{url}' is not a link a reader can follow; use a path on the site (/about/), an http(s) URL or mailto:", entry!["url"]!);
                continue;
            }

            items.Add(new MenuItem(name, url));
        }

        return items;
    }

    /// <summary>A relative path, or an http, https or mailto URL: never javascript: or data:.</summary>
    private static bool IsSafeLink(string url) =>
        !url.Contains(':', StringComparison.Ordinal)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto));

    private static IReadOnlyList<AuthorProfile> ReadAuthors(YamlFieldReader reader, YamlNode? node)
    {
        if (node is null or YamlScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            reader.Error(DiagnosticCodes.InvalidConfig, "'authors' must be a list of {name, bio, photo, links}", node);
            return [];
        }

        var authors = new List<AuthorProfile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            var entry = reader.Mapping(item, "authors");
            if (entry is null)
            {
                continue;
            }

            foreach (var (key, _) in entry.Entries)
            {
                if (key.Value is not ("name" or "bio" or "photo" or "links"))
                {
                    reader.Warning(DiagnosticCodes.UnknownConfigKey, $"unknown setting 'authors.{key.Value}' is ignored", key);
                }
            }

            var name = reader.String(entry["name"], "name")?.Trim();
            var slug = name is null ? "" : Slugifier.Slugify(name);
            if (string.IsNullOrEmpty(name) || slug.Length == 0 || !seen.Add(slug))
            {
                reader.Error(DiagnosticCodes.InvalidConfig, $"an author needs a name, once: '{name}'", item);
                continue;
            }

            var photo = reader.String(entry["photo"], "photo")?.Trim();
            if (photo is { Length: > 0 } && !(IsSafeLink(photo) && !photo.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
            {
                reader.Error(DiagnosticCodes.InvalidConfig, $"an author's photo is a path on the site (/media/authors/rao.jpg) or an http(s) URL, not '{photo}'", entry["photo"]!);
                photo = null;
            }

            var bio = reader.String(entry["bio"], "bio")?.Trim();
            authors.Add(new AuthorProfile(slug, name, string.IsNullOrEmpty(bio) ? null : bio, string.IsNullOrEmpty(photo) ? null : photo, ReadMenu(reader, entry["links"], "links")));
        }

        return authors;
    }

    private static PublisherConfig? ReadPublisher(YamlFieldReader reader, YamlNode? node)
    {
        var map = reader.Mapping(node, "publisher");
        if (map is null)
        {
            return null;
        }

        var name = reader.String(map["name"], "name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            reader.Error(DiagnosticCodes.InvalidConfig, "'publisher' needs a name", map);
            return null;
        }

        var logo = reader.String(map["logo"], "logo")?.Trim();
        return new PublisherConfig(name, logo is not null && IsSafeLink(reader, map["logo"]!, "logo", logo, isImage: true) ? logo : null);
    }

    /// <summary>
    /// A URL that pages link to or show. One whose scheme could run script (<c>javascript:</c>, <c>data:</c>,
    /// <c>vbscript:</c>, …, read as a browser reads it, after HTML entities) is an error at its line.
    /// </summary>
    private static bool IsSafeLink(YamlFieldReader reader, YamlNode node, string field, string url, bool isImage)
    {
        if (UrlPolicy.Blocked(System.Net.WebUtility.HtmlDecode(url), isImage) is not { } scheme)
        {
            return true;
        }

        reader.Error(
            DiagnosticCodes.InvalidConfig,
            $"'{field}' may not be a '{scheme}:' URL; use a path such as /world/ or an address with {string.Join(", ", UrlPolicy.AllowedSchemes.Select(s => s + ":"))}",
            node);
        return false;
    }

    private static MarkdownConfig ReadMarkdown(YamlFieldReader reader, YamlNode? node)
    {
        var map = reader.Mapping(node, "markdown");
        return map is null
            ? new MarkdownConfig()
            : new MarkdownConfig
            {
                SmartPunctuation = reader.Bool(map["smart_punctuation"], "smart_punctuation") ?? true,
                RawHtml = ReadRawHtmlMode(reader, map["raw_html"]),
                EmbedHosts = ReadEmbedHosts(reader, map["embed_hosts"]),
            };
    }

    private static RawHtmlMode ReadRawHtmlMode(YamlFieldReader reader, YamlNode? node)
    {
        var text = reader.String(node, "raw_html")?.Trim();
        switch (text)
        {
            case null or "sanitize":
                return RawHtmlMode.Sanitize;
            case "allow":
                return RawHtmlMode.Allow;
            case "strip":
                return RawHtmlMode.Strip;
            default:
                reader.Error(DiagnosticCodes.InvalidConfig, $"'raw_html' must be sanitize, allow or strip, not '{text}'", node!);
                return RawHtmlMode.Sanitize;
        }
    }

    private static IReadOnlyList<string> ReadEmbedHosts(YamlFieldReader reader, YamlNode? node)
    {
        if (node is not YamlSequence sequence)
        {
            // Reports anything but a list; a missing or empty value means no embeds.
            _ = reader.StringList(node, "embed_hosts");
            return [];
        }

        var hosts = new List<string>();
        foreach (var item in sequence.Items)
        {
            var text = reader.String(item, "embed_hosts")?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var host = text.ToLowerInvariant();
            if (Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
            {
                reader.Error(DiagnosticCodes.InvalidConfig, $"'embed_hosts' lists host names such as www.youtube.com, not '{text}'", item);
                continue;
            }

            hosts.Add(host);
        }

        return hosts;
    }

    private static AdsConfig ReadAds(YamlFieldReader reader, YamlNode? node)
    {
        var map = reader.Mapping(node, "ads");
        if (map is null)
        {
            return new AdsConfig();
        }

        var defaults = new AdsConfig();
        return new AdsConfig
        {
            Enabled = reader.Bool(map["enabled"], "enabled") ?? false,
            AfterParagraph = reader.Int(map["after_paragraph"], "after_paragraph", 0, 1000) ?? defaults.AfterParagraph,
            Sidebar = reader.Bool(map["sidebar"], "sidebar") ?? defaults.Sidebar,
            Home = reader.Bool(map["home"], "home") ?? defaults.Home,
            Html = reader.String(map["html"], "html") ?? "",
            Label = reader.String(map["label"], "label")?.Trim() ?? defaults.Label,
        };
    }

    private static FeedsConfig ReadFeeds(YamlFieldReader reader, YamlNode? node)
    {
        var map = reader.Mapping(node, "feeds");
        if (map is null)
        {
            return new FeedsConfig();
        }

        foreach (var (key, _) in map.Entries)
        {
            if (key.Value is not ("limit" or "full_content"))
            {
                reader.Warning(DiagnosticCodes.UnknownConfigKey, $"unknown setting 'feeds.{key.Value}' is ignored", key);
            }
        }

        var defaults = new FeedsConfig();
        return new FeedsConfig
        {
            Limit = reader.Int(map["limit"], "limit", 1, 1000) ?? defaults.Limit,
            FullContent = reader.Bool(map["full_content"], "full_content") ?? defaults.FullContent,
        };
    }

    private static PicturesConfig ReadPictures(YamlFieldReader reader, YamlNode? node)
    {
        var map = reader.Mapping(node, "pictures");
        if (map is null)
        {
            return new PicturesConfig();
        }

        foreach (var (key, _) in map.Entries)
        {
            if (key.Value is not ("widths" or "max_megapixels" or "quality" or "keep_metadata"))
            {
                reader.Warning(DiagnosticCodes.UnknownConfigKey, $"unknown setting 'pictures.{key.Value}' is ignored", key);
            }
        }

        var defaults = new PicturesConfig();
        var widths = defaults.Widths;
        if (map["widths"] is YamlSequence sequence)
        {
            var read = new SortedSet<int>();
            foreach (var item in sequence.Items)
            {
                if (reader.Int(item, "widths", 16, 8192) is { } width)
                {
                    read.Add(width);
                }
            }

            if (read.Count > 12)
            {
                reader.Error(DiagnosticCodes.InvalidConfig, "'pictures.widths' lists at most 12 widths", sequence);
            }
            else if (read.Count > 0)
            {
                widths = [.. read];
            }
        }
        else if (map["widths"] is { } other)
        {
            reader.Error(DiagnosticCodes.InvalidConfig, "'pictures.widths' is a list of widths in pixels, such as [480, 800, 1200, 1600]", other);
        }

        var keep = new List<string>();
        foreach (var name in reader.StringList(map["keep_metadata"], "keep_metadata"))
        {
            var field = name.Trim();
            if (!PicturesConfig.KeepableFields.ContainsKey(field))
            {
                reader.Error(DiagnosticCodes.InvalidConfig, $"'pictures.keep_metadata' names EXIF text fields to keep ({string.Join(", ", PicturesConfig.KeepableFields.Keys.Order(StringComparer.Ordinal))}), not '{field}'", map["keep_metadata"]!);
            }
            else if (!keep.Contains(PicturesConfig.KeepableFields[field], StringComparer.Ordinal))
            {
                keep.Add(PicturesConfig.KeepableFields[field]);
            }
        }

        return new PicturesConfig
        {
            Widths = widths,
            MaxPixels = (reader.Int(map["max_megapixels"], "max_megapixels", 1, 1000) ?? (int)(defaults.MaxPixels / 1_000_000)) * 1_000_000L,
            Quality = reader.Int(map["quality"], "quality", 1, 100) ?? defaults.Quality,
            KeepMetadata = keep,
        };
    }

    private static SearchConfig ReadSearch(YamlFieldReader reader, YamlNode? node)
    {
        // search: false is short for search: { enabled: false }.
        if (node is YamlScalar { IsNull: false } scalar)
        {
            return new SearchConfig { Enabled = reader.Bool(scalar, "search") ?? true };
        }

        var map = reader.Mapping(node, "search");
        if (map is null)
        {
            return new SearchConfig();
        }

        var sections = new List<string>();
        foreach (var name in reader.StringList(map["sections"], "sections"))
        {
            var slug = Slugifier.Slugify(name.Trim());
            if (slug.Length > 0 && !sections.Contains(slug, StringComparer.Ordinal))
            {
                sections.Add(slug);
            }
        }

        return new SearchConfig
        {
            Enabled = reader.Bool(map["enabled"], "enabled") ?? true,
            Sections = sections,
        };
    }

    private static IReadOnlyList<string> ReadInteractiveFolders(YamlFieldReader reader, YamlNode? node)
    {
        if (node is not YamlSequence sequence)
        {
            // Reports anything but a list; a missing or empty value means no folder may publish active files.
            _ = reader.StringList(node, "interactive_folders");
            return [];
        }

        var folders = new List<string>();
        foreach (var item in sequence.Items)
        {
            var text = reader.String(item, "interactive_folders")?.Trim();
            if (text is null)
            {
                continue;
            }

            var folder = text.TrimEnd('/');
            var parts = folder.Split('/');
            var problem = folder.Length == 0 ? "the whole of content/ cannot be interactive; name a folder inside it"
                : folder.StartsWith('/') || folder.Contains('\\', StringComparison.Ordinal) || folder.Contains(':', StringComparison.Ordinal) ? "use a path relative to content/ with '/' separators"
                : parts.Any(part => part is "" or "." or "..") ? "'.', '..' and empty segments are not allowed"
                : parts.Any(part => part.StartsWith('.')) ? "hidden folders are never published"
                : parts[0] == ContentSource.FolderName ? "paths are relative to content/; leave out 'content/'"
                : null;
            if (problem is not null)
            {
                reader.Error(DiagnosticCodes.InvalidConfig, $"'interactive_folders' lists folders under content/ such as graphics/elections-2026, not '{text}': {problem}", item);
                continue;
            }

            if (!folders.Contains(folder, StringComparer.Ordinal))
            {
                folders.Add(folder);
            }
        }

        return folders;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
