using NewsSite.Diagnostics;
using NewsSite.Routing;
using NewsSite.Time;
using NewsSite.Yaml;

namespace NewsSite.FrontMatter;

/// <summary>Reads one article file's text into a typed <see cref="Article"/>, or the problems that stop it.</summary>
public sealed class ArticleReader(SiteTimeZone timeZone, ArticleLimits limits)
{
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "headline", "date", "updated", "expires", "section", "dateline", "dek", "summary", "authors", "tags",
        "key_points", "corrections", "image", "slug", "draft", "params",
    };

    /// <param name="text">The file's text with '\n' line endings.</param>
    /// <param name="path">Path from the site root, e.g. <c>content/world/quake.md</c>.</param>
    public (Article? Article, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string path)
    {
        var (split, splitError) = FrontMatterSplitter.Split(text, path);
        if (splitError is not null)
        {
            return (null, [splitError]);
        }

        var (root, yamlError) = YamlTreeReader.Read(split!.Yaml, path, split.YamlLine, limits.Yaml);
        if (yamlError is not null)
        {
            return (null, [yamlError]);
        }

        if (root is not YamlMapping map)
        {
            var at = root is null ? SourceLocation.StartOf(path) : new SourceLocation(path, root.Line, root.Column);
            return (null, [Diagnostic.Error(DiagnosticCodes.FrontMatterNotMapping, "front matter must be fields of the form 'name: value' (headline, date, ...)", at)]);
        }

        var diagnostics = new List<Diagnostic>();
        var article = Map(map, split, path, new YamlFieldReader(path, diagnostics));
        return diagnostics.Exists(d => d.IsError) ? (null, diagnostics) : (article, diagnostics);
    }

    private Article? Map(YamlMapping map, FrontMatterSplit split, string path, YamlFieldReader reader)
    {
        var opening = new SourceLocation(path, 1, 1);
        var headline = reader.String(map["headline"], "headline")?.Trim();
        if (string.IsNullOrEmpty(headline) && map["headline"] is null or YamlScalar)
        {
            reader.Error(DiagnosticCodes.MissingField, "'headline' is required", map["headline"] ?? Anchor(opening));
        }

        DateTimeOffset? date = null;
        if (map["date"] is null or YamlScalar { IsNull: true })
        {
            reader.Error(DiagnosticCodes.MissingField, "'date' is required (for example 2025-04-30T18:45:00+05:30)", map["date"] ?? Anchor(opening));
        }
        else
        {
            date = ReadDate(reader, map["date"], "date");
        }

        var slug = ReadSlug(reader, map["slug"], path);
        var section = ReadSection(reader, map["section"], path);
        var authors = Bounded(reader, map["authors"], reader.StringOrList(map["authors"], "authors"), limits.MaxAuthors, "authors");
        var tags = Bounded(reader, map["tags"], reader.StringOrList(map["tags"], "tags"), limits.MaxTags, "tags");
        var keyPoints = ReadKeyPoints(reader, map["key_points"]);
        var corrections = ReadCorrections(reader, map["corrections"]);
        var image = ReadImage(reader, map["image"]);

        var parameters = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var textFound = false;
        foreach (var (key, value) in map.Entries)
        {
            if (!KnownFields.Contains(key.Value))
            {
                // After the first line of swallowed text, the rest is text too: one error says it all.
                textFound = textFound || ReportUnknownField(reader, key, split);
                parameters[key.Value] = ToPlainValue(value);
            }
        }

        foreach (var (key, value) in reader.Mapping(map["params"], "params")?.Entries ?? [])
        {
            parameters[key.Value] = ToPlainValue(value);
        }

        var updated = ReadDate(reader, map["updated"], "updated");
        var expires = ReadDate(reader, map["expires"], "expires");
        var dateline = NonEmpty(reader.String(map["dateline"], "dateline"));
        var dek = NonEmpty(reader.String(map["dek"], "dek"));
        var summary = NonEmpty(reader.String(map["summary"], "summary"));
        var draft = reader.Bool(map["draft"], "draft") ?? false;
        if (string.IsNullOrEmpty(headline) || date is null || slug is null)
        {
            return null;
        }

        return new Article
        {
            SourcePath = path,
            Headline = headline,
            Date = date.Value,
            Updated = updated,
            Expires = expires,
            Section = section,
            SectionLocation = map["section"] is YamlScalar { IsNull: false } sectionNode && section is not null ? reader.At(sectionNode) : null,
            Dateline = dateline,
            Dek = dek,
            Summary = summary,
            Authors = authors,
            Tags = tags,
            KeyPoints = keyPoints,
            Corrections = corrections,
            Image = image,
            Slug = slug,
            Draft = draft,
            Params = parameters,
            Body = split.Body,
            BodyLine = split.BodyLine,
        };
    }

    /// <summary>
    /// An unknown field is usually a typo, whose value would otherwise vanish; one that reads like a sentence is
    /// body text, swallowed because the front matter's closing '---' is missing and a later '---' line closed it.
    /// </summary>
    /// <returns>True when the field reads like text.</returns>
    private static bool ReportUnknownField(YamlFieldReader reader, YamlScalar key, FrontMatterSplit split)
    {
        if (key.Value.Any(char.IsWhiteSpace))
        {
            reader.Error(
                DiagnosticCodes.UnclosedFrontMatter,
                $"'{Shorten(key.Value)}' reads like text, not a field: the front matter's closing '---' seems to be missing before this line, and the '---' on line {split.BodyLine - 1} closed it instead",
                key);
            return true;
        }

        var suggestion = NearestName.Find(key.Value, KnownFields);
        var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
        reader.Warning(
            DiagnosticCodes.UnknownField,
            $"unknown field '{Shorten(key.Value)}'{hint} (a field of your own for templates goes under 'params:')",
            key);
        return false;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private DateTimeOffset? ReadDate(YamlFieldReader reader, YamlNode? node, string field)
    {
        var text = reader.String(node, field);
        if (text is null)
        {
            return null;
        }

        var (value, outOfRange) = timeZone.Read(text);
        if (outOfRange)
        {
            reader.Error(DiagnosticCodes.InvalidDate, $"'{field}' is out of range: '{text}' (dates must fall {SiteTimeZone.RangeText})", node!);
        }
        else if (value is null)
        {
            reader.Error(DiagnosticCodes.InvalidDate, $"'{field}' is not a date: '{text}' (use 2025-04-30, or 2025-04-30T18:45:00+05:30)", node!);
        }

        return value;
    }

    private static string? ReadSlug(YamlFieldReader reader, YamlNode? node, string path)
    {
        var explicitSlug = reader.String(node, "slug")?.Trim();
        if (explicitSlug is null)
        {
            var fileSlug = Slugifier.Slugify(Path.GetFileNameWithoutExtension(path));
            if (fileSlug.Length == 0)
            {
                reader.Error(DiagnosticCodes.UnsafePath, "the file name gives no usable URL; add a 'slug' field", Anchor(SourceLocation.StartOf(path)));
                return null;
            }

            return fileSlug;
        }

        if (IsPathLike(explicitSlug))
        {
            reader.Error(DiagnosticCodes.UnsafePath, $"slug '{explicitSlug}' would write outside the article's folder; a slug is one URL segment like 'quake-hits-city'", node!);
            return null;
        }

        var slug = Slugifier.Slugify(explicitSlug);
        if (slug.Length == 0)
        {
            reader.Error(DiagnosticCodes.UnsafePath, $"slug '{explicitSlug}' has no letters or digits to make a URL from", node!);
            return null;
        }

        if (slug.Length > OutputPaths.MaxSegmentBytes)
        {
            reader.Error(DiagnosticCodes.PathTooLong, $"the slug is {slug.Length} characters long; a file system allows {OutputPaths.MaxSegmentBytes}: shorten it", node!);
            return null;
        }

        return slug;
    }

    private static string? ReadSection(YamlFieldReader reader, YamlNode? node, string path)
    {
        var section = reader.String(node, "section")?.Trim();
        if (section is null)
        {
            // content/world/quake.md is in "world"; content/quake.md has no section.
            var parts = path.Split('/');
            return parts.Length > 2 ? parts[1] : null;
        }

        if (IsPathLike(section))
        {
            reader.Error(DiagnosticCodes.UnsafePath, $"section '{section}' would write outside the output folder; name a section like 'World'", node!);
            return null;
        }

        if (Slugifier.Slugify(section).Length == 0)
        {
            reader.Error(DiagnosticCodes.UnsafePath, $"section '{section}' has no letters or digits to make a URL from", node!);
            return null;
        }

        return section;
    }

    private static bool IsPathLike(string text) =>
        text.Contains('/', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal)
        || text.Contains("..", StringComparison.Ordinal) || text.Any(char.IsControl);

    private IReadOnlyList<KeyPoint> ReadKeyPoints(YamlFieldReader reader, YamlNode? node)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return [];
            case YamlSequence sequence:
                if (sequence.Items.Count > limits.MaxKeyPoints)
                {
                    reader.Error(DiagnosticCodes.TooMany, $"'key_points' has {sequence.Items.Count} entries; at most {limits.MaxKeyPoints} are allowed", node);
                    return [];
                }

                var points = new List<KeyPoint>();
                foreach (var item in sequence.Items)
                {
                    switch (item)
                    {
                        case YamlScalar { IsNull: false } scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                            points.Add(new KeyPoint(null, scalar.Value.Trim()) { Location = reader.At(scalar) });
                            break;
                        case YamlMapping entry:
                            var label = NonEmpty(reader.String(entry["label"], "label"));
                            var text = NonEmpty(reader.String(entry["text"], "text"));
                            if (text is null)
                            {
                                reader.Error(DiagnosticCodes.InvalidKeyPoints, "a key point needs 'text' (and may have a 'label')", item);
                            }
                            else
                            {
                                points.Add(new KeyPoint(label, text) { Location = reader.At(entry["text"]!) });
                            }

                            break;
                        default:
                            reader.Error(DiagnosticCodes.InvalidKeyPoints, "each key point must be text, or 'label' and 'text'", item);
                            break;
                    }
                }

                return points;
            default:
                reader.Error(DiagnosticCodes.InvalidKeyPoints, $"'key_points' must be a list (each line starting with '- '), not a {YamlFieldReader.Describe(node)}", node);
                return [];
        }
    }

    private IReadOnlyList<Correction> ReadCorrections(YamlFieldReader reader, YamlNode? node)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return [];
            case YamlSequence sequence when sequence.Items.Count <= limits.MaxCorrections:
                var corrections = new List<Correction>();
                foreach (var item in sequence.Items)
                {
                    if (item is not YamlMapping entry)
                    {
                        reader.Error(DiagnosticCodes.WrongFieldType, "each correction needs 'date' and 'text'", item);
                        continue;
                    }

                    var date = ReadDate(reader, entry["date"], "date");
                    var text = NonEmpty(reader.String(entry["text"], "text"));
                    if (date is null || text is null)
                    {
                        if (entry["date"] is null || text is null)
                        {
                            reader.Error(DiagnosticCodes.WrongFieldType, "each correction needs 'date' and 'text'", item);
                        }

                        continue;
                    }

                    corrections.Add(new Correction(date.Value, text) { Location = reader.At(entry["text"]!) });
                }

                return [.. corrections.OrderBy(c => c.Date)];
            case YamlSequence:
                reader.Error(DiagnosticCodes.TooMany, $"'corrections' has more than {limits.MaxCorrections} entries", node);
                return [];
            default:
                reader.Error(DiagnosticCodes.WrongFieldType, "'corrections' must be a list of {date, text}", node);
                return [];
        }
    }

    private static ArticleImage? ReadImage(YamlFieldReader reader, YamlNode? node)
    {
        var map = reader.Mapping(node, "image");
        if (map is null)
        {
            return null;
        }

        var src = NonEmpty(reader.String(map["src"], "src"));
        var alt = reader.String(map["alt"], "alt")?.Trim();
        if (src is null)
        {
            reader.Error(DiagnosticCodes.InvalidImage, "the image needs 'src', the path of the picture", map);
        }

        if (alt is null)
        {
            reader.Error(DiagnosticCodes.InvalidImage, "the image needs 'alt', a text that describes it for readers who cannot see it", map);
        }

        var focus = ReadFocus(reader, map["focus"]);
        return src is null || alt is null
            ? null
            : new ArticleImage(src, alt, NonEmpty(reader.String(map["caption"], "caption")), NonEmpty(reader.String(map["credit"], "credit")))
            {
                Focus = focus,
                Location = reader.At(map["src"]!),
            };
    }

    /// <summary><c>focus: 0.5, 0.3</c>: how far across and down the picture the point to keep in crops lies.</summary>
    private static ImageFocus ReadFocus(YamlFieldReader reader, YamlNode? node)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return ImageFocus.Centre;
        }

        var parts = (reader.String(node, "focus") ?? "").Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
            && x is >= 0 and <= 1 && y is >= 0 and <= 1)
        {
            return new ImageFocus(x, y);
        }

        reader.Error(DiagnosticCodes.InvalidImage, "'focus' is two numbers from 0 to 1, across then down, such as 'focus: 0.5, 0.3' (0, 0 is the top left corner)", node);
        return ImageFocus.Centre;
    }

    private static IReadOnlyList<string> Bounded(YamlFieldReader reader, YamlNode? node, IReadOnlyList<string> values, int max, string field)
    {
        if (values.Count > max)
        {
            reader.Error(DiagnosticCodes.TooMany, $"'{field}' has {values.Count} entries; at most {max} are allowed", node!);
            return [];
        }

        return values;
    }

    private static object? ToPlainValue(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => null,
        YamlScalar scalar => scalar.Value,
        YamlSequence sequence => sequence.Items.Select(ToPlainValue).ToList(),
        YamlMapping mapping => mapping.Entries.ToDictionary(e => e.Key.Value, e => ToPlainValue(e.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static YamlScalar Anchor(SourceLocation at) => new("", true, at.Line, at.Column);
}
