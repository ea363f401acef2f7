namespace NewsSite.Search;

/// <summary>
/// The per-article part of the relevance score, computed at build time and stored with each posting as a level
/// from 1 to <see cref="Levels"/>: BM25's saturating term frequency with length normalisation. The browser
/// multiplies it by the term's rarity (idf) and a recency boost.
/// </summary>
internal static class TermWeighting
{
    public const int Levels = 15;

    /// <summary>BM25's usual constants: k1 bounds what repetition adds, b how much length counts.</summary>
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <param name="weightedFrequency">Occurrences times their field weights.</param>
    /// <param name="length">The article's length in weighted words.</param>
    /// <param name="averageLength">The average of that length over the index.</param>
    public static int Level(double weightedFrequency, double length, double averageLength)
    {
        if (weightedFrequency <= 0)
        {
            return 0;
        }

        var norm = averageLength > 0 ? 1 - B + (B * length / averageLength) : 1;
        var saturated = weightedFrequency * (K1 + 1) / (weightedFrequency + (K1 * norm));
        var level = (int)Math.Round(saturated / (K1 + 1) * Levels, MidpointRounding.AwayFromZero);
        return Math.Clamp(level, 1, Levels);
    }
}
