namespace NewsSite.Search;

/// <summary>
/// Which articles hold two terms side by side, with the same stop words between them (none, or "of the"), for
/// quoted phrases and word proximity. Pairs are hashed into <see cref="Buckets"/> lists of articles rather than
/// listed by name: a pair's list may hold a few articles with another pair of the same hash, which the page's other
/// checks (every word of the phrase, every pair of it) all but rule out. <c>pairBucket</c> in search.js is the same
/// function.
/// </summary>
internal static class WordPairs
{
    public const int Buckets = 1 << 15;

    /// <summary>FNV-1a over the term's UTF-16 code units.</summary>
    public static uint TermHash(ReadOnlySpan<char> term)
    {
        var hash = 0x811C9DC5u;
        foreach (var ch in term)
        {
            hash = (hash ^ ch) * 0x01000193u;
        }

        return hash;
    }

    /// <summary>The stop words between two terms so far, given the next one's <see cref="TermHash"/> (0: none yet).</summary>
    public static uint Gap(uint gap, uint stopWord) => unchecked(((gap ^ stopWord) * 0x01000193u) | 1u);

    /// <summary>
    /// The bucket of the pair (first, second), in that order, from the terms' <see cref="TermHash"/> and the
    /// <see cref="Gap"/> of the stop words between them.
    /// </summary>
    public static int Bucket(uint first, uint gap, uint second)
    {
        var x = unchecked((first * 0x9E3779B1u) + (gap * 0x7FEB352Du) + second);
        x ^= x >> 16;
        x *= 0x85EBCA6Bu;
        x ^= x >> 13;
        x *= 0xC2B2AE35u;
        x ^= x >> 16;
        return (int)(x & (Buckets - 1));
    }

    public static int Bucket(string first, string second) => Bucket(TermHash(first), 0, TermHash(second));

    /// <param name="stopWords">The folded stop words between the two terms, in order.</param>
    public static int Bucket(string first, IEnumerable<string> stopWords, string second)
    {
        var gap = 0u;
        foreach (var word in stopWords)
        {
            gap = Gap(gap, TermHash(word));
        }

        return Bucket(TermHash(first), gap, TermHash(second));
    }
}
