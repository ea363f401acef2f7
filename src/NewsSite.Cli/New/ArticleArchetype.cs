using System.Globalization;
using System.Text;

namespace NewsSite.Cli.New;

/// <summary>
/// The text of a new article: the site's <c>archetypes/article.md</c> when it has one, else the built-in one.
/// The placeholders <c>{{ headline }}</c>, <c>{{ date }}</c>, <c>{{ section }}</c> and <c>{{ slug }}</c> are
/// replaced; the headline is inserted as a quoted YAML string, so any headline keeps the front matter valid.
/// </summary>
internal static class ArticleArchetype
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

    public static string Fill(string archetype, string headline, DateTimeOffset date, string section, string slug) =>
        archetype
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("{{ headline }}", YamlQuoted(headline), StringComparison.Ordinal)
            .Replace("{{ date }}", date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{ section }}", section, StringComparison.Ordinal)
            .Replace("{{ slug }}", slug, StringComparison.Ordinal);

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped.</summary>
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
                default:
                    quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
