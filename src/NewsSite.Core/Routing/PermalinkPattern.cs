using System.Globalization;
using System.Text;

namespace NewsSite.Routing;

/// <summary>
/// An article URL pattern such as <c>/{section}/{yyyy}/{mm}/{dd}/{slug}/</c>. Tokens: section, yyyy, mm, dd, slug.
/// </summary>
public sealed class PermalinkPattern
{
    public const string DefaultText = "/{section}/{yyyy}/{mm}/{dd}/{slug}/";

    private static readonly string[] KnownTokens = ["section", "yyyy", "mm", "dd", "slug"];

    private readonly IReadOnlyList<(bool IsToken, string Text)> _parts;

    private PermalinkPattern(string text, IReadOnlyList<(bool, string)> parts)
    {
        Text = text;
        _parts = parts;
    }

    public static PermalinkPattern Default { get; } = Parse(DefaultText).Pattern!;

    public string Text { get; }

    public static (PermalinkPattern? Pattern, string? Error) Parse(string text)
    {
        if (!text.StartsWith('/') || !text.EndsWith('/'))
        {
            return (null, "the permalink pattern must start and end with '/'");
        }

        var parts = new List<(bool, string)>();
        var hasSlug = false;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add((false, text[i..]));
                break;
            }

            if (open > i)
            {
                parts.Add((false, text[i..open]));
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                return (null, $"the permalink pattern has an unclosed '{{' at position {open + 1}");
            }

            var token = text[(open + 1)..close];
            if (!KnownTokens.Contains(token, StringComparer.Ordinal))
            {
                return (null, $"unknown permalink token '{{{token}}}'; use {{section}}, {{yyyy}}, {{mm}}, {{dd}} or {{slug}}");
            }

            hasSlug |= token == "slug";
            parts.Add((true, token));
            i = close + 1;
        }

        foreach (var (isToken, literal) in parts)
        {
            if (!isToken && (literal.Contains("..", StringComparison.Ordinal) || literal.Contains('\\', StringComparison.Ordinal) || literal.Contains('}', StringComparison.Ordinal)))
            {
                return (null, $"the permalink pattern has an unsafe part '{literal}'");
            }
        }

        return hasSlug
            ? (new PermalinkPattern(text, parts), null)
            : (null, "the permalink pattern must contain {slug}, or every article would share one URL");
    }

    /// <param name="date">The publication date, already in the site's time zone.</param>
    public string Expand(string sectionSlug, DateTimeOffset date, string slug)
    {
        var builder = new StringBuilder();
        foreach (var (isToken, text) in _parts)
        {
            builder.Append(!isToken ? text : text switch
            {
                "section" => sectionSlug,
                "yyyy" => date.Year.ToString("D4", CultureInfo.InvariantCulture),
                "mm" => date.Month.ToString("D2", CultureInfo.InvariantCulture),
                "dd" => date.Day.ToString("D2", CultureInfo.InvariantCulture),
                _ => slug,
            });
        }

        // An empty token (no section) must not leave "//" behind.
        var path = builder.ToString();
        while (path.Contains("//", StringComparison.Ordinal))
        {
            path = path.Replace("//", "/", StringComparison.Ordinal);
        }

        return path;
    }
}
