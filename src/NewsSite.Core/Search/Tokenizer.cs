using System.Globalization;
using System.Text;

namespace NewsSite.Search;

/// <summary>
/// Splits folded text into words: runs of letters, decimal digits and marks, joined across a single inner
/// apostrophe ("india's", "o'brien"). The same rule as <c>tokenize</c> in <c>assets/search.js</c>
/// (<c>/[\p{L}\p{Nd}\p{M}]+(?:'[\p{L}\p{Nd}\p{M}]+)*/gu</c>).
/// </summary>
internal static class Tokenizer
{
    public static IEnumerable<string> Words(string folded)
    {
        var start = -1;
        var index = 0;
        while (index < folded.Length)
        {
            var ch = folded[index];
            Rune rune;
            int length;
            if (ch < 0x80)
            {
                rune = new Rune(ch);
                length = 1;
            }
            else
            {
                Rune.DecodeFromUtf16(folded.AsSpan(index), out rune, out length);
            }

            if (ch < 0x80 ? char.IsAsciiLetterOrDigit(ch) : IsWordRune(rune))
            {
                if (start < 0)
                {
                    start = index;
                }
            }
            else if (start >= 0)
            {
                var joins = rune.Value == '\'' && index + 1 < folded.Length && IsWordAt(folded, index + 1);
                if (!joins)
                {
                    yield return folded[start..index];
                    start = -1;
                }
            }

            index += length;
        }

        if (start >= 0)
        {
            yield return folded[start..];
        }
    }

    private static bool IsWordAt(string text, int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _);
        return IsWordRune(rune);
    }

    public static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };
}
