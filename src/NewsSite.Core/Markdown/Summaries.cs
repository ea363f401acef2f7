namespace NewsSite.Markdown;

/// <summary>A summary for listings and meta descriptions when the editor wrote none.</summary>
public static class Summaries
{
    public const int MaxLength = 200;

    /// <summary>The text cut at the last word boundary before <see cref="MaxLength"/>, with an ellipsis.</summary>
    public static string Cut(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength);
        var head = (cut > MaxLength / 2 ? text[..cut] : text[..MaxLength]).TrimEnd(',', ';', ':', ' ', '\u2014', '-');
        return head + "\u2026";
    }
}
