namespace NewsSite.Search;

/// <summary>
/// Analyses articles into <see cref="ArticleAnalysis"/>: folded words from <see cref="Tokenizer"/>, stop words
/// and words of one letter or over <see cref="MaxWordLength"/> dropped, stems, each term's signal
/// (<see cref="TermWeighting.Signal"/>), the headline's and the body's lengths and the pairs of neighbouring terms
/// (<see cref="WordPairs"/>). Not thread-safe: one per thread. It remembers every word it has seen, so a word is
/// looked up once per article occurrence and stemmed once per thread. The browser runs the same steps on a query
/// (<c>analyze</c> in search.js).
/// </summary>
internal sealed class ArticleAnalyzer
{
    /// <summary>Longer words are not indexed (<c>MAX_WORD_LENGTH</c> in search.js).</summary>
    public const int MaxWordLength = 40;

    private readonly TermTable _table;
    private readonly Dictionary<string, WordInfo> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<int> _terms = [];
    private readonly List<int> _fieldTerms = [];
    private readonly List<int> _words = [];
    private readonly List<int> _wordTerms = [];
    private readonly List<int> _pairs = [];
    private readonly List<uint> _headlineHashes = [];
    private readonly int[] _pairSeen = new int[WordPairs.Buckets];
    private int[] _fieldCounts = new int[1024];
    private int[] _metadata = new int[1024];
    private int[] _body = new int[1024];
    private int[] _headline = new int[1024];
    private int[] _termSeen = new int[1024];
    private int[] _wordSeen = new int[1024];
    private char[] _folded = new char[4096];
    private int _article;
    private int _bodyLength;
    private int _headlineLength;
    private uint _previousHash;
    private uint _gap;
    private bool _hasPrevious;
    private uint _previousPair;
    private bool _hasPreviousPair;

    /// <summary>Where this thread's analyses keep their lists, those read from the cache as well.</summary>
    public Slab Held { get; } = new();

    public ArticleAnalyzer(TermTable table)
    {
        _table = table;
        _lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ArticleAnalysis Analyse(SearchText text)
    {
        _article++;
        _bodyLength = 0;
        _headlineLength = 0;
        foreach (var field in text.Fields)
        {
            _hasPrevious = false;
            _hasPreviousPair = false;
            _gap = 0;
            var folded = TextFolding.Fold(field.Text, ref _folded);
            var position = 0;
            while (Tokenizer.Next(folded, ref position, out var word))
            {
                Word(folded[word], field.Role == FieldRole.Headline);
            }

            EndField(field);
        }

        var terms = _terms.ToArray();
        var signals = new int[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var term = terms[i];
            signals[i] = TermWeighting.Signal(_headline[term] == _article, _metadata[term], _body[term]);
            _metadata[term] = 0;
            _body[term] = 0;
        }

        var pairs = _pairs.ToArray();
        var analysis = new ArticleAnalysis(terms, signals, _bodyLength, _headlineLength, [.. _words], [.. _wordTerms], pairs, text.Snippet, Held);
        _terms.Clear();
        _words.Clear();
        _wordTerms.Clear();
        _pairs.Clear();
        return analysis;
    }

    private void EndField(WeightedText field)
    {
        if (field.Role == FieldRole.Headline)
        {
            AddHeadlineOrder();
        }

        foreach (var term in _fieldTerms)
        {
            var count = _fieldCounts[term];
            _fieldCounts[term] = 0;
            switch (field.Role)
            {
                case FieldRole.Headline:
                    _headline[term] = _article;
                    break;
                case FieldRole.Body:
                    _body[term] += count;
                    _bodyLength += count;
                    break;
                default:
                    _metadata[term] += TermWeighting.MetadataTenths(field.Weight, count);
                    break;
            }
        }

        _fieldTerms.Clear();
    }

    private void Word(ReadOnlySpan<char> foldedWord, bool inHeadline)
    {
        if (foldedWord.Length is < 2 or > MaxWordLength)
        {
            return;
        }

        if (!_lookup.TryGetValue(foldedWord, out var info))
        {
            info = Learn(foldedWord.ToString());
        }

        if (info.Term < 0)
        {
            // A stop word is never counted, but a pair remembers which ones stood between its terms.
            _gap = _hasPrevious ? WordPairs.Gap(_gap, info.Hash) : 0;
            return;
        }

        var term = info.Term;
        if (inHeadline)
        {
            // The headline's length as ranking normalises it: every indexed word, repeated or not.
            _headlineLength++;
            if (_headlineHashes.Count < WordPairs.HeadlineOrderTerms)
            {
                _headlineHashes.Add(info.Hash);
            }
        }

        if (term >= _fieldCounts.Length)
        {
            var size = Math.Max(term + 1, _fieldCounts.Length * 2);
            Array.Resize(ref _fieldCounts, size);
            Array.Resize(ref _metadata, size);
            Array.Resize(ref _body, size);
            Array.Resize(ref _headline, size);
            Array.Resize(ref _termSeen, size);
        }

        if (_termSeen[term] != _article)
        {
            _termSeen[term] = _article;
            _terms.Add(term);
        }

        if (_fieldCounts[term]++ == 0)
        {
            _fieldTerms.Add(term);
        }

        if (_hasPrevious)
        {
            var pair = WordPairs.Key(_previousHash, _gap, info.Hash);
            AddPair(WordPairs.Bucket(pair));
            if (_hasPreviousPair)
            {
                AddPair(WordPairs.Bucket(WordPairs.Key(_previousPair, _gap, info.Hash)));
            }

            _previousPair = pair;
            _hasPreviousPair = true;
        }

        _previousHash = info.Hash;
        _gap = 0;
        _hasPrevious = true;

        if (info.Word >= 0)
        {
            if (info.Word >= _wordSeen.Length)
            {
                Array.Resize(ref _wordSeen, Math.Max(info.Word + 1, _wordSeen.Length * 2));
            }

            if (_wordSeen[info.Word] != _article)
            {
                _wordSeen[info.Word] = _article;
                _words.Add(info.Word);
                _wordTerms.Add(term);
            }
        }
    }

    /// <summary>Every two terms of the headline, the earlier first (<see cref="WordPairs.HeadlineOrderBucket"/>).</summary>
    private void AddHeadlineOrder()
    {
        for (var i = 0; i < _headlineHashes.Count; i++)
        {
            for (var j = i + 1; j < _headlineHashes.Count; j++)
            {
                if (_headlineHashes[i] != _headlineHashes[j])
                {
                    AddPair(WordPairs.HeadlineOrderBucket(_headlineHashes[i], _headlineHashes[j]));
                }
            }
        }

        _headlineHashes.Clear();
    }

    private void AddPair(int bucket)
    {
        if (_pairSeen[bucket] != _article)
        {
            _pairSeen[bucket] = _article;
            _pairs.Add(bucket);
        }
    }

    private WordInfo Learn(string word)
    {
        // A stop word: looked up like any other word, never counted; its hash is for the pairs around it.
        var info = new WordInfo(-1, -1, WordPairs.TermHash(word));
        if (!StopWords.Contains(word))
        {
            var stem = EnglishStemmer.Stem(word);
            info = new WordInfo(_table.Id(stem), SearchIndexBuilder.NeedsWordEntry(word, stem) ? _table.Id(word) : -1, WordPairs.TermHash(stem));
        }

        _known.Add(word, info);
        return info;
    }

    /// <summary>The term a word is indexed under (−1: a stop word), the word's own number when the prefix list needs it, the hash of the term (or stop word).</summary>
    private readonly record struct WordInfo(int Term, int Word, uint Hash);
}
