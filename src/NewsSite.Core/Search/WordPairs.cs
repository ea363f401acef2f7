namespace NewsSite.Search;

/// <summary>
/// Which articles hold two terms side by side, with the same stop words between them (none, or "of the"), for
/// quoted phrases and word proximity; and three in a row, so that a longer phrase is not matched by its pairs
/// found in different places; and two terms of a headline, one anywhere before the other. Pairs are hashed into
/// <see cref="Buckets"/> lists of articles rather than listed by name: a pair's list may hold a few articles with
/// another pair of the same hash, which the page's other checks (every word of the phrase, every pair of it) all
/// but rule out. <c>pairBucket</c> in search.js is the same function.
/// </summary>
internal static class WordPairs
{
    public const int Buckets = 1 << 15;

    /// <summary>Only a headline's first terms are paired so: a hostile headline of a thousand words stays cheap.</summary>
    public const int HeadlineOrderTerms = 16;

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
    /// The key of the pair (first, second), in that order, from the terms' <see cref="TermHash"/> and the
    /// <see cref="Gap"/> of the stop words between them; a triple's key is the key of (its first pair's key, third).
    /// </summary>
    public static uint Key(uint first, uint gap, uint second)
    {
        var x = unchecked((first * 0x9E3779B1u) + (gap * 0x7FEB352Du) + second);
        x ^= x >> 16;
        x *= 0x85EBCA6Bu;
        x ^= x >> 13;
        x *= 0xC2B2AE35u;
        x ^= x >> 16;
        return x;
    }

    public static int Bucket(uint key) => (int)(key & (Buckets - 1));

    public static int Bucket(uint first, uint gap, uint second) => Bucket(Key(first, gap, second));

    public static int Bucket(string first, string second) => Bucket(TermHash(first), 0, TermHash(second));

    /// <summary>
    /// The bucket of two terms of a headline, the first before the second anywhere in it (a query whose words stand
    /// in a headline in the order typed ranks it higher): the one beside their pair's, so one file holds both.
    /// </summary>
    public static int HeadlineOrderBucket(uint first, uint second) => Bucket(first, 0, second) ^ 1;

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

    /// <summary>The bucket of three terms in a row with no stop words between them.</summary>
    public static int Bucket(string first, string second, string third) =>
        Bucket(Key(Key(TermHash(first), 0, TermHash(second)), 0, TermHash(third)));
}
