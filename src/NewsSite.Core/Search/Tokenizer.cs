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
        var position = 0;
        while (Next(folded, ref position, out var word))
        {
            yield return folded[word];
        }
    }

    /// <summary>
    /// Finds the first word at or after <paramref name="position"/> and moves <paramref name="position"/> past it;
    /// false when there is none. The analyser reads words as spans of the text, without a string per word.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> folded, ref int position, out Range word)
    {
        var start = -1;
        var index = position;
        while (index < folded.Length)
        {
            var (isWord, length) = CharacterAt(folded, index);
            if (isWord)
            {
                if (start < 0)
                {
                    start = index;
                }
            }
            else if (start >= 0 && !(folded[index] == '\'' && index + 1 < folded.Length && CharacterAt(folded, index + 1).IsWord))
            {
                word = start..index;
                position = index + length;
                return true;
            }

            index += length;
        }

        position = folded.Length;
        word = start < 0 ? default : start..folded.Length;
        return start >= 0;
    }

    /// <summary>Whether the character (or surrogate pair) at the index belongs to a word, and its length.</summary>
    private static (bool IsWord, int Length) CharacterAt(ReadOnlySpan<char> text, int index)
    {
        var ch = text[index];
        if (ch < 0x80)
        {
            return (char.IsAsciiLetterOrDigit(ch), 1);
        }

        Rune.DecodeFromUtf16(text[index..], out var rune, out var length);
        return (IsWordRune(rune), length);
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };
}
