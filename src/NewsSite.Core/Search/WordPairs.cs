namespace NewsSite.Search;

/// <summary>
/// Which articles hold two terms side by side (stop words between them skipped, as the index skips them), for
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

    /// <summary>The bucket of the pair (first, second), in that order, from the terms' <see cref="TermHash"/>.</summary>
    public static int Bucket(uint first, uint second)
    {
        var x = unchecked((first * 0x9E3779B1u) + second);
        x ^= x >> 16;
        x *= 0x85EBCA6Bu;
        x ^= x >> 13;
        x *= 0xC2B2AE35u;
        x ^= x >> 16;
        return (int)(x & (Buckets - 1));
    }

    public static int Bucket(string first, string second) => Bucket(TermHash(first), TermHash(second));
}
