namespace NewsSite.Search;

/// <summary>
/// Analyses articles into <see cref="ArticleAnalysis"/>: words from <see cref="WordScanner"/>, stop words and
/// one-letter words dropped, stems, weighted frequencies. Not thread-safe: one per thread. It remembers every
/// word it has seen, so a word is looked up once per article occurrence and stemmed once per thread.
/// </summary>
internal sealed class ArticleAnalyzer : IWordSink
{
    /// <summary>A stop word: looked up like any other word, never counted.</summary>
    private static readonly WordInfo Stop = new(-1, -1);

    private readonly TermTable _table;
    private readonly WordScanner _scanner = new();
    private readonly Dictionary<string, WordInfo> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<int> _terms = [];
    private readonly List<int> _words = [];
    private readonly List<int> _wordTerms = [];
    private int[] _frequencies = new int[1024];
    private int[] _wordSeen = new int[1024];
    private int _article;
    private int _weight;
    private int _length;

    public ArticleAnalyzer(TermTable table)
    {
        _table = table;
        _lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ArticleAnalysis Analyse(SearchText text)
    {
        _article++;
        _length = 0;
        foreach (var field in text.Fields)
        {
            _weight = field.Weight;
            _scanner.Scan(field.Text, this);
        }

        var terms = _terms.ToArray();
        var frequencies = new int[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            frequencies[i] = _frequencies[terms[i]];
            _frequencies[terms[i]] = 0;
        }

        var analysis = new ArticleAnalysis(terms, frequencies, _length, [.. _words], [.. _wordTerms], text.Snippet);
        _terms.Clear();
        _words.Clear();
        _wordTerms.Clear();
        return analysis;
    }

    void IWordSink.Word(ReadOnlySpan<char> foldedWord)
    {
        if (foldedWord.Length < 2)
        {
            return;
        }

        if (!_lookup.TryGetValue(foldedWord, out var info))
        {
            info = Learn(foldedWord.ToString());
        }

        if (info.Term < 0)
        {
            return;
        }

        var frequencies = Grow(ref _frequencies, info.Term);
        if (frequencies[info.Term] == 0)
        {
            _terms.Add(info.Term);
        }

        frequencies[info.Term] += _weight;
        _length += _weight;

        if (info.Word >= 0)
        {
            var seen = Grow(ref _wordSeen, info.Word);
            if (seen[info.Word] != _article)
            {
                seen[info.Word] = _article;
                _words.Add(info.Word);
                _wordTerms.Add(info.Term);
            }
        }
    }

    private WordInfo Learn(string word)
    {
        var info = Stop;
        if (!StopWords.Contains(word))
        {
            var stem = EnglishStemmer.Stem(word);
            info = new WordInfo(_table.Id(stem), SearchIndexBuilder.NeedsWordEntry(word, stem) ? _table.Id(word) : -1);
        }

        _known.Add(word, info);
        return info;
    }

    private static int[] Grow(ref int[] array, int index)
    {
        if (index >= array.Length)
        {
            Array.Resize(ref array, Math.Max(index + 1, array.Length * 2));
        }

        return array;
    }

    /// <summary>The term a word is indexed under, and the word's own number when the prefix list needs it.</summary>
    private readonly record struct WordInfo(int Term, int Word);
}
