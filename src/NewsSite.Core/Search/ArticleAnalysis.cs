namespace NewsSite.Search;

/// <summary>
/// What indexing needs of one article once its text has been read: each term (a <see cref="TermTable"/> number)
/// with its signal (<see cref="TermWeighting.Signal"/>), the lengths of its headline and body, the words it brings to the prefix
/// list with their terms, the buckets of the pairs of neighbouring terms it holds (<see cref="WordPairs"/>), and its
/// result snippet. The build cache keeps it as a <see cref="StoredAnalysis"/>.
/// </summary>
/// <remarks>
/// Every article's analysis is held until the index is written, so it is packed (<see cref="PackedPairs"/>): a
/// third of four int arrays, in a run of its analyser's <see cref="Slab"/>. Lists are unpacked on use.
/// </remarks>
internal sealed class ArticleAnalysis
{
    private readonly byte[] _lists;
    private readonly int _termsStart;
    private readonly int _wordsStart;
    private readonly int _pairsStart;
    private readonly int _end;

    /// <param name="held">Where the packed lists are kept (the analyser's).</param>
    public ArticleAnalysis(int[] terms, int[] signals, int length, int headlineLength, int[] words, int[] wordTerms, int[] pairBuckets, string snippet, Slab held)
        : this(PackedPairs.Pack(terms, signals), PackedPairs.Pack(words, wordTerms), PackedPairs.Pack(pairBuckets, values: null), length, headlineLength, System.Text.Encoding.UTF8.GetBytes(snippet), held)
    {
    }

    /// <summary>An analysis from its packed lists (one the build cache kept).</summary>
    /// <param name="held">Where the packed lists are kept (the analyser's).</param>
    public ArticleAnalysis(ReadOnlySpan<byte> terms, ReadOnlySpan<byte> words, ReadOnlySpan<byte> pairs, int length, int headlineLength, byte[] utf8Snippet, Slab held)
    {
        _lists = held.Take(terms.Length + words.Length + pairs.Length, out _termsStart);
        terms.CopyTo(_lists.AsSpan(_termsStart));
        words.CopyTo(_lists.AsSpan(_wordsStart = _termsStart + terms.Length));
        pairs.CopyTo(_lists.AsSpan(_pairsStart = _wordsStart + words.Length));
        _end = _pairsStart + pairs.Length;
        Length = length;
        HeadlineLength = headlineLength;
        Utf8Snippet = utf8Snippet;
    }

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
    public (int[] Terms, int[] Frequencies) TermFrequencies() => PackedPairs.Unpack(PackedTerms);
}
