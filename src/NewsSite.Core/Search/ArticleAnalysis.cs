namespace NewsSite.Search;

/// <summary>
/// What indexing needs of one article once its text has been read: each term (a <see cref="TermTable"/> number)
/// with its signal (<see cref="TermWeighting.Signal"/>), the length of its body, the words it brings to the prefix
/// list with their terms, the buckets of the pairs of neighbouring terms it holds (<see cref="WordPairs"/>), and its
/// result snippet. This is what the analysis cache keeps.
/// </summary>
/// <remarks>
/// Every article's analysis is held until the index is written, so it is packed (<see cref="PackedPairs"/>): a
/// third of four int arrays, a quarter of a gigabyte saved at 100,000 articles. Lists are unpacked on use. The
/// packing is the analysis cache file's own, so an analysis read from the cache is its bytes, neither unpacked
/// nor packed again, and goes back to the file as it came.
/// </remarks>
internal sealed class ArticleAnalysis
{
    private readonly ReadOnlyMemory<byte> _terms;
    private readonly ReadOnlyMemory<byte> _words;
    private readonly ReadOnlyMemory<byte> _pairs;

    public ArticleAnalysis(int[] terms, int[] signals, int length, int[] words, int[] wordTerms, int[] pairBuckets, string snippet)
        : this(PackedPairs.Pack(terms, signals), PackedPairs.Pack(words, wordTerms), PackedPairs.Pack(pairBuckets, [.. pairBuckets.Select(_ => 1)]), length, System.Text.Encoding.UTF8.GetBytes(snippet))
    {
    }

    private ArticleAnalysis(ReadOnlyMemory<byte> terms, ReadOnlyMemory<byte> words, ReadOnlyMemory<byte> pairs, int length, ReadOnlyMemory<byte> utf8Snippet)
    {
        _terms = terms;
        _words = words;
        _pairs = pairs;
        Length = length;
        Utf8Snippet = utf8Snippet;
    }

    /// <summary>The body's length in indexed words.</summary>
    public int Length { get; }

    /// <summary>The result snippet as UTF-8, half the size of a string and what the index file is written in.</summary>
    public ReadOnlyMemory<byte> Utf8Snippet { get; }

    public string Snippet => System.Text.Encoding.UTF8.GetString(Utf8Snippet.Span);

    /// <summary>The packed (term, frequency) and (word, term) lists, as the cache file stores them.</summary>
    public ReadOnlySpan<byte> PackedTerms => _terms.Span;

    public ReadOnlySpan<byte> PackedWords => _words.Span;

    /// <summary>The packed (pair bucket, 1) list, as the cache file stores it.</summary>
    public ReadOnlySpan<byte> PackedPairBuckets => _pairs.Span;

    /// <summary>An analysis from lists already packed and checked (by the cache reader), which may be slices of its file.</summary>
    public static ArticleAnalysis FromPacked(ReadOnlyMemory<byte> terms, ReadOnlyMemory<byte> words, ReadOnlyMemory<byte> pairs, int length, ReadOnlyMemory<byte> utf8Snippet) => new(terms, words, pairs, length, utf8Snippet);

    /// <summary>The article's terms in ascending order, with their signals.</summary>
    public (int[] Terms, int[] Frequencies) TermFrequencies() => PackedPairs.Unpack(_terms.Span);

    /// <summary>The buckets of the pairs of neighbouring terms the article holds, ascending.</summary>
    public int[] PairBuckets() => PackedPairs.Unpack(_pairs.Span).Keys;

    /// <summary>The words the article brings to the prefix list, in ascending order, with their terms.</summary>
    public (int[] Words, int[] Terms) WordTerms() => PackedPairs.Unpack(_words.Span);

    /// <summary>
    /// Adds <paramref name="by"/> to the count of every string number the analysis refers to, once for each time:
    /// its terms, its words and their terms.
    /// </summary>
    public void CountStrings(int[] references, int by)
    {
        PackedPairs.Count(_terms.Span, references, by, secondIsString: false);
        PackedPairs.Count(_words.Span, references, by, secondIsString: true);
    }
}
