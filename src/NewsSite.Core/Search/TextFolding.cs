using System.Buffers;
using System.Globalization;
using System.Text;

namespace NewsSite.Search;

/// <summary>
/// Case and diacritic folding, identical to <c>fold</c> in <c>assets/search.js</c>: decompose (FormD), drop
/// non-spacing marks, typographic apostrophes to ', recompose (FormC), lower-case, final sigma to sigma.
/// "Café" and "CAFE" both become "cafe"; "Ångström" becomes "angstrom".
/// </summary>
internal static class TextFolding
{
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(" \t\n\r");

    public static string Fold(string text)
    {
        char[] scratch = [];
        return new string(Fold(text, ref scratch));
    }

    /// <summary>The folded text in <paramref name="scratch"/>, grown as needed: the analyser folds every field of every article.</summary>
    public static ReadOnlySpan<char> Fold(string text, ref char[] scratch)
    {
        if (scratch.Length < text.Length)
        {
            scratch = new char[Math.Max(text.Length, scratch.Length * 2)];
        }

        // Most news text is ASCII: lower-casing is all the folding it needs.
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\x7f'))
        {
            return scratch.AsSpan(0, text.AsSpan().ToLowerInvariant(scratch));
        }

        // Folding each run between white space alone is folding the whole text (white space composes with nothing
        // and every other step is per character), so only the runs that hold a non-ASCII character are normalised.
        var length = 0;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.AsSpan(position).IndexOfAny(WhiteSpace);
            end = end < 0 ? text.Length : position + end + 1;
            var run = text.AsSpan(position, end - position);
            var folded = run.ContainsAnyExceptInRange('\0', '\x7f') ? FoldRun(run.ToString()) : null;
            var needed = length + (folded?.Length ?? run.Length);
            if (needed > scratch.Length)
            {
                Array.Resize(ref scratch, Math.Max(needed, scratch.Length * 2));
            }

            // A folded run can be longer than the run (a character decomposes into two that do not recompose).
            length += folded is null ? run.ToLowerInvariant(scratch.AsSpan(length)) : Copy(folded, scratch.AsSpan(length));

            position = end;
        }

        return scratch.AsSpan(0, length);
    }

    private static int Copy(string text, Span<char> into)
    {
        text.CopyTo(into);
        return text.Length;
    }

    private static string FoldRun(string run)
    {
        var decomposed = run.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (rune.Value is '\u2018' or '\u2019' or '\u02BC')
            {
                builder.Append('\'');
                continue;
            }

            builder.Append(utf16[..rune.EncodeToUtf16(utf16)]);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant().Replace('\u03C2', '\u03C3');
    }
}
