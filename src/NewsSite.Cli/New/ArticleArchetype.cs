using System.Globalization;
using System.Text;

namespace NewsSite.Cli.New;

/// <summary>
/// The text of a new article: the site's <c>archetypes/article.md</c> when it has one, else the built-in one.
/// The placeholders <c>{{ headline }}</c>, <c>{{ date }}</c>, <c>{{ section }}</c> and <c>{{ slug }}</c> are
/// replaced in one pass, so a headline that reads <c>{{ date }}</c> stays text; the headline is inserted as a
/// quoted YAML string, so any headline keeps the front matter valid.
/// </summary>
internal static partial class ArticleArchetype
{
    public const string SitePath = "archetypes/article.md";

    public const string BuiltIn = """
        ---
        headline: {{ headline }}
        date: {{ date }}
        section: {{ section }}
        dateline:
        authors: []
        tags: []
        summary:
        key_points: []
        draft: true
        ---
        Write the article here. Remove `draft: true` (or set it to false) to publish it.

        """;

    /// <summary>
    /// Longest slug made from a headline, in bytes (slugs are ASCII): a file name may have 255, and a reader's
    /// address bar shows far fewer.
    /// </summary>
    public const int MaxSlugLength = 80;

    public static string Fill(string archetype, string headline, DateTimeOffset date, string section, string slug)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["headline"] = YamlQuoted(headline),
            ["date"] = date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["section"] = section,
            ["slug"] = slug,
        };
        return Placeholder().Replace(archetype.Replace("\r\n", "\n", StringComparison.Ordinal), match => values[match.Groups[1].Value]);
    }

    /// <summary>The slug cut to <see cref="MaxSlugLength"/> at the last word boundary before it.</summary>
    public static string Shorten(string slug)
    {
        if (slug.Length <= MaxSlugLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', MaxSlugLength);
        return cut > 0 ? slug[..cut] : slug[..MaxSlugLength].TrimEnd('-');
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{ (headline|date|section|slug) \}\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>
    /// A YAML double-quoted scalar: backslash, quote, control characters and the characters YAML reads as line
    /// breaks (NEL, U+2028, U+2029) escaped.
    /// </summary>
    public static string YamlQuoted(string text)
    {
        var quoted = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case < ' ':
                    quoted.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    break;
                case (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029':
                    quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
