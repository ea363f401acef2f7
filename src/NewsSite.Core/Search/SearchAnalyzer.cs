namespace NewsSite.Search;

/// <summary>One indexed word: the folded word as written and the term it is indexed under.</summary>
internal readonly record struct AnalyzedWord(string Word, string Term);

/// <summary>
/// Text to index terms: fold, split into words, drop stop words and words of one character or over
/// <see cref="MaxWordLength"/>, stem. The browser runs the same steps on a query (<c>analyze</c> in search.js).
/// </summary>
internal static class SearchAnalyzer
{
    public const int MaxWordLength = 40;

    public static IEnumerable<AnalyzedWord> Analyze(string text) =>
        Words(text).Select(word => new AnalyzedWord(word, EnglishStemmer.Stem(word)));

    /// <summary>The words that are indexed, folded, before stemming.</summary>
    public static IEnumerable<string> Words(string text)
    {
        foreach (var word in Tokenizer.Words(TextFolding.Fold(text)))
        {
            if (word.Length >= 2 && word.Length <= MaxWordLength && !StopWords.Contains(word))
            {
                yield return word;
            }
        }
    }
}
