namespace NewsSite.Search;

/// <summary>
/// What indexing needs of one article once its text has been read: each term (a <see cref="TermTable"/> number)
/// with its signal (<see cref="TermWeighting.Signal"/>), the lengths of its headline and body, the words it brings to the prefix
/// list with their terms, the buckets of the pairs of neighbouring terms it holds (<see cref="WordPairs"/>), and its
/// result snippet. The build cache keeps it as a <see cref="StoredAnalysis"/>.
/// </summary>
/// <remarks>
/// Every article's analysis is held until the index is written, so it is packed (<see cref="PackedPairs"/>): a
/// third of four int arrays, in a run of its analyser's <see cref="Slab{T}"/>. Lists are unpacked on use. An
/// analysis read from the build cache keeps the lists as stored, numbered by the article's own strings, with the
/// table's number for each (<see cref="Id"/>).
/// </remarks>
internal sealed class ArticleAnalysis
{
    private readonly byte[] _lists;
    private readonly int _termsStart;
    private readonly int _wordsStart;
    private readonly int _pairsStart;
    private readonly int _end;
    private readonly int[]? _ids;
    private readonly int _idsStart;

    /// <param name="held">Where the packed lists are kept (the analyser's).</param>
    public ArticleAnalysis(int[] terms, int[] signals, int length, int headlineLength, int[] words, int[] wordTerms, int[] pairBuckets, string snippet, Slab<byte> held)
        : this(PackedPairs.Pack(terms, signals), PackedPairs.Pack(words, wordTerms), PackedPairs.Pack(pairBuckets, values: null), length, headlineLength, System.Text.Encoding.UTF8.GetBytes(snippet), held, ids: null, idsStart: 0)
    {
    }

    private ArticleAnalysis(ReadOnlySpan<byte> terms, ReadOnlySpan<byte> words, ReadOnlySpan<byte> pairs, int length, int headlineLength, byte[] utf8Snippet, Slab<byte> held, int[]? ids, int idsStart)
    {
        _lists = held.Take(terms.Length + words.Length + pairs.Length, out _termsStart);
        terms.CopyTo(_lists.AsSpan(_termsStart));
        words.CopyTo(_lists.AsSpan(_wordsStart = _termsStart + terms.Length));
        pairs.CopyTo(_lists.AsSpan(_pairsStart = _wordsStart + words.Length));
        _end = _pairsStart + pairs.Length;
        Length = length;
        HeadlineLength = headlineLength;
        Utf8Snippet = utf8Snippet;
        (_ids, _idsStart) = (ids, idsStart);
    }

    /// <param name="held">Where the packed lists are kept (the analyser's).</param>
    /// <param name="ids">The table's number of each string the packed lists refer to, from <c>ids[idsStart]</c> on.</param>
    public static ArticleAnalysis Stored(byte[] terms, byte[] words, byte[] pairs, int length, int headlineLength, byte[] utf8Snippet, Slab<byte> held, int[] ids, int idsStart) =>
        new(terms, words, pairs, length, headlineLength, utf8Snippet, held, ids, idsStart);

    /// <summary>The table's number of a string number found in <see cref="PackedTerms"/> or <see cref="PackedWords"/>.</summary>
    public int Id(int number) => _ids is null ? number : _ids[_idsStart + number];

    /// <summary>The body's length in indexed words.</summary>
    public int Length { get; }

    /// <summary>The headline's length in indexed words (stop words and words too short or too long left out).</summary>
    public int HeadlineLength { get; }

    /// <summary>The result snippet as UTF-8, half the size of a string and what the index file is written in.</summary>
    public ReadOnlyMemory<byte> Utf8Snippet { get; }

    public string Snippet => System.Text.Encoding.UTF8.GetString(Utf8Snippet.Span);

    /// <summary>The packed (term, frequency) and (word, term) lists.</summary>
    public ReadOnlySpan<byte> PackedTerms => _lists.AsSpan(_termsStart, _wordsStart - _termsStart);

    public ReadOnlySpan<byte> PackedWords => _lists.AsSpan(_wordsStart, _pairsStart - _wordsStart);

    /// <summary>The pair buckets, packed without values.</summary>
    public ReadOnlySpan<byte> PackedPairBuckets => _lists.AsSpan(_pairsStart, _end - _pairsStart);

    /// <summary>The article's terms (the table's numbers), with their signals.</summary>
    public (int[] Terms, int[] Frequencies) TermFrequencies()
    {
        var (terms, signals) = PackedPairs.Unpack(PackedTerms);
        return ([.. terms.Select(Id)], signals);
    }
}
