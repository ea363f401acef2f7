using System.Buffers;
using System.Text;

namespace NewsSite.Search;

/// <summary>Receives the words <see cref="WordScanner"/> finds; the span is only valid during the call.</summary>
internal interface IWordSink
{
    void Word(ReadOnlySpan<char> foldedWord);
}

/// <summary>
/// Folds and splits text into words without making a string per word: the same words, in the same order, as
/// <see cref="Tokenizer.Words"/> over <see cref="TextFolding.Fold"/>, except that words longer than
/// <see cref="SearchAnalyzer.MaxWordLength"/> are skipped (the analysis drops them anyway).
/// </summary>
/// <remarks>
/// ASCII text is lower-cased on the fly. Only the runs between ASCII white space that hold a non-ASCII character
/// other than General Punctuation go through <see cref="TextFolding.Fold"/>. Folding each run alone is folding the
/// whole text: white space is a starter that composes with nothing, so normalisation never reaches across it,
/// lower-casing is per character, and the tokenizer never joins words across it.
/// </remarks>
internal sealed class WordScanner
{
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(" \t\n\r");

    private readonly char[] _word = new char[SearchAnalyzer.MaxWordLength];

    public void Scan(string text, IWordSink sink)
    {
        var span = text.AsSpan();
        var position = 0;
        while (position < span.Length)
        {
            var nonAscii = span[position..].IndexOfAnyExceptInRange('\0', '\x7f');
            if (nonAscii < 0)
            {
                ScanFolded(span[position..], sink);
                return;
            }

            nonAscii += position;
            var runStart = span[position..nonAscii].LastIndexOfAny(WhiteSpace);
            runStart = runStart < 0 ? position : position + runStart + 1;
            var runEnd = span[nonAscii..].IndexOfAny(WhiteSpace);
            runEnd = runEnd < 0 ? span.Length : nonAscii + runEnd;

            ScanFolded(span[position..runStart], sink);
            var run = span[runStart..runEnd];
            if (OnlySeparates(run))
            {
                ScanFolded(run, sink);
            }
            else
            {
                ScanFolded(TextFolding.Fold(text[runStart..runEnd]), sink);
            }

            position = runEnd;
        }
    }

    /// <summary>
    /// True when every non-ASCII character of the run is General Punctuation (dashes, quotes, ellipses, thin
    /// spaces) other than the typographic apostrophes: characters that folding leaves as separators, so the run's
    /// words are the same unfolded. News text is full of em dashes: of the 249,000 runs the benchmark's
    /// 10,000 articles folded (a normalisation, two strings and a builder each), 21,000 still are.
    /// </summary>
    private static bool OnlySeparates(ReadOnlySpan<char> run)
    {
        foreach (var ch in run)
        {
            if (ch >= 0x80 && (ch is < '\u2000' or > '\u206F' or '\u2018' or '\u2019'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The loop of <see cref="Tokenizer.Words"/>, over text that is folded except for ASCII capitals.</summary>
    private void ScanFolded(ReadOnlySpan<char> text, IWordSink sink)
    {
        var start = -1;
        var index = 0;
        while (index < text.Length)
        {
            var ch = text[index];
            if (ch < 0x80)
            {
                if (char.IsAsciiLetterOrDigit(ch))
                {
                    if (start < 0)
                    {
                        start = index;
                    }
                }
                else if (start >= 0 && !(ch == '\'' && index + 1 < text.Length && IsWordAt(text, index + 1)))
                {
                    Emit(text[start..index], sink);
                    start = -1;
                }

                index++;
                continue;
            }

            Rune.DecodeFromUtf16(text[index..], out var rune, out var length);
            if (Tokenizer.IsWordRune(rune))
            {
                if (start < 0)
                {
                    start = index;
                }
            }
            else if (start >= 0)
            {
                Emit(text[start..index], sink);
                start = -1;
            }

            index += length;
        }

        if (start >= 0)
        {
            Emit(text[start..], sink);
        }
    }

    private void Emit(ReadOnlySpan<char> word, IWordSink sink)
    {
        if (word.Length > SearchAnalyzer.MaxWordLength)
        {
            return;
        }

        var copy = _word.AsSpan(0, word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var ch = word[i];
            copy[i] = char.IsAsciiLetterUpper(ch) ? (char)(ch | 0x20) : ch;
        }

        sink.Word(copy);
    }

    private static bool IsWordAt(ReadOnlySpan<char> text, int index)
    {
        var ch = text[index];
        if (ch < 0x80)
        {
            return char.IsAsciiLetterOrDigit(ch);
        }

        Rune.DecodeFromUtf16(text[index..], out var rune, out _);
        return Tokenizer.IsWordRune(rune);
    }
}
