using MemoryPack;

namespace NewsSite.Search;

/// <summary>
/// An <see cref="ArticleAnalysis"/> as the build cache keeps it: the lists packed as in memory (<see cref="PackedPairs"/>),
/// numbered in the kept <see cref="StoredTermTable"/> as it stood after <paramref name="Generation"/>, the build that
/// made it.
/// </summary>
[MemoryPackable]
internal sealed partial record StoredAnalysis(Guid Generation, byte[] Terms, byte[] Words, byte[] PairBuckets, int Length, int HeadlineLength, byte[] Snippet)
{
    public static StoredAnalysis From(ArticleAnalysis analysis, Guid generation) => new(
        generation, analysis.PackedTerms.ToArray(), analysis.PackedWords.ToArray(), analysis.PackedPairBuckets.ToArray(), analysis.Length, analysis.HeadlineLength, analysis.Utf8Snippet.ToArray());

    /// <param name="strings">How many strings the table held after the analysis's generation.</param>
    /// <param name="held">Where the analysis keeps its lists (the thread's).</param>
    /// <exception cref="InvalidDataException">The record refers to strings its generation did not have, or is cut short.</exception>
    public ArticleAnalysis ToAnalysis(int strings, Slab held)
    {
        if (Highest(Terms, valueToo: false) >= strings || Highest(Words, valueToo: true) >= strings)
        {
            throw new InvalidDataException("a string the analysis's table does not hold");
        }

        return new ArticleAnalysis(Terms, Words, PairBuckets, Length, HeadlineLength, Snippet, held);
    }

    /// <summary>The highest number the list refers to; a number below zero or a list cut short (a damaged one) is past them all.</summary>
    private static int Highest(byte[] packed, bool valueToo)
    {
        var highest = -1;
        try
        {
            for (var pairs = PackedPairs.Read(packed); pairs.Next(out var key, out var value);)
            {
                if (key < 0 || (valueToo && value < 0))
                {
                    return int.MaxValue;
                }

                highest = Math.Max(highest, valueToo ? Math.Max(key, value) : key);
            }
        }
        catch (IndexOutOfRangeException)
        {
            // The packed reader trusts its bytes: the terms and words it reads in a build were made by it or checked here.
            return int.MaxValue;
        }

        return highest;
    }
}
