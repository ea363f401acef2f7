using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class WordScannerTests
{
    private sealed class Collected : IWordSink
    {
        public List<string> Words { get; } = [];

        public void Word(ReadOnlySpan<char> foldedWord) => Words.Add(foldedWord.ToString());
    }

    private static List<string> Scanned(string text)
    {
        var sink = new Collected();
        new WordScanner().Scan(text, sink);
        return sink.Words;
    }

    /// <summary>What the scanner promises: the words of the folded text, less those too long to index.</summary>
    private static List<string> Expected(string text) =>
        [.. Tokenizer.Words(TextFolding.Fold(text)).Where(w => w.Length <= SearchAnalyzer.MaxWordLength)];

    [Fact]
    public void News_text_gives_the_words_of_its_folded_form()
    {
        const string text = "Zoë Müller said the plan—the “bold” one—was O’Brien’s idea… ÅNGSTRÖM, naïve café; 2024–25 talks.";

        Assert.Equal(Expected(text), Scanned(text));
        Assert.Contains("o'brien's", Scanned(text));
        Assert.Contains("plan", Scanned(text));
        Assert.Contains("angstrom", Scanned(text));
    }

    /// <remarks>
    /// Every character of the basic plane, between letters, beside a space, alone and after an apostrophe-like
    /// position: runs of General Punctuation skip folding, and this is what says that skipping changes no word.
    /// </remarks>
    [Fact]
    public void Every_character_of_the_basic_plane_scans_as_its_folded_text_does()
    {
        var failures = new List<string>();
        for (var code = 0x80; code <= 0xFFFF; code++)
        {
            // U+FFFE cannot be normalised, and never gets this far: reading an article replaces it (NS0705).
            if (char.IsSurrogate((char)code) || code == 0xFFFE)
            {
                continue;
            }

            var ch = (char)code;
            foreach (var text in new[] { $"Ab{ch}Cd", $"Ab {ch} cd", $"{ch}", $"don{ch}t", $"É{ch}e\u0301" })
            {
                if (!Expected(text).SequenceEqual(Scanned(text)))
                {
                    failures.Add($"U+{code:X4} in \"{text}\"");
                }
            }
        }

        Assert.Empty(failures);
    }
}
