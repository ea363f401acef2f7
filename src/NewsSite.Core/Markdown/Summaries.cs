using System.Collections.Frozen;

namespace NewsSite.Markdown;

/// <summary>A summary for listings, meta descriptions, feeds and search when the editor wrote none.</summary>
public static class Summaries
{
    public const int MaxLength = 200;

    // Words that end in a full stop without ending the sentence ("Mr. Rubio", "St. Petersburg").
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "mt", "jr", "sr", "gen", "lt", "col", "capt", "sgt", "sen", "rep",
        "gov", "pres", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "approx", "fig", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "u.n",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The text cut after the last whole sentence that fits in <see cref="MaxLength"/>; only when even the first
    /// sentence is longer, at the last word that fits, with an ellipsis.
    /// </summary>
    public static string Cut(string text) => Cut(text, MaxLength);

    /// <inheritdoc cref="Cut(string)"/>
    public static string Cut(string text, int maxLength)
    {
        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = LastSentenceEnd(text, maxLength);
        if (end > 0)
        {
            return text[..end];
        }

        var cut = text.LastIndexOf(' ', maxLength);
        var head = (cut > maxLength / 2 ? text[..cut] : text[..maxLength]).TrimEnd(',', ';', ':', ' ', '\u2014', '\u2013', '-', '(', '\u201C', '"');
        return head + "\u2026";
    }

    /// <summary>The length of the longest run of whole sentences within <paramref name="limit"/>, or 0.</summary>
    private static int LastSentenceEnd(string text, int limit)
    {
        var best = 0;
        for (var i = 0; i < limit && i < text.Length; i++)
        {
            if (text[i] is not ('.' or '?' or '!'))
            {
                continue;
            }

            // The sentence may close a quotation or a parenthesis: "… it said." / … (in 2024.)
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or '\u201D' or '\u2019' or ')')
            {
                end++;
            }

            if (end > limit)
            {
                break;
            }

            // A sentence ends where the text does, or before a space and a capital letter, digit, quotation or a
            // separator the caller put between texts (the search snippet's " · ").
            var atEnd = end == text.Length;
            var next = end + 1 < text.Length && char.IsWhiteSpace(text[end]) ? text[end + 1] : '\0';
            if (!atEnd && !(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\u201C' or '\u2018' or '(' or '\u00B7'))
            {
                continue;
            }

            if (text[i] == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            best = end;
        }

        return best;
    }

    /// <summary>Whether the full stop at <paramref name="dot"/> closes an initial ("S.") or a known abbreviation.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var word = text.AsSpan(start, dot - start);
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word.ToString());
    }
}
