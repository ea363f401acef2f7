namespace NewsSite.Search;

/// <summary>
/// The per-article part of the relevance score, computed at build time and stored with each posting as a level.
/// An article's analysis keeps, per term, a <em>signal</em>: whether the headline holds it, the short fields'
/// weighted saturated counts, and its count in the body. The level packs a headline flag (worth
/// <c>HEADLINE_SCORE</c> in search.js, more than all else together) and, in 16 steps, everything else: each short
/// field's saturated count times its weight, plus the body's count saturated BM25-style with length normalisation.
/// Weighting after saturation keeps a field's weight from being flattened when another field repeats a word.
/// </summary>
internal static class TermWeighting
{
    /// <summary>Levels 1..32: (level − 1) is 16 × in-headline + the rest's step (0..15).</summary>
    public const int Levels = 32;

    /// <summary>The step of the rest of the score, 0..15, on a square-root scale up to <see cref="RestMax"/>.</summary>
    public const int RestSteps = 15;

    /// <summary>Where the rest's scale tops out: a word in a key point, a tag and the body together.</summary>
    public const double RestMax = 4;

    /// <summary>BM25's usual constants: k1 bounds what repetition adds, b how much the body's length counts.</summary>
    private const double K1 = 1.2;
    private const double B = 0.75;

    private const int BodyMask = (1 << 12) - 1;
    private const int MetadataShift = 12;
    private const int MetadataMask = (1 << 8) - 1;
    private const int HeadlineFlag = 1 << 20;

    /// <summary>A field's weight times its saturated count, in tenths (what a signal's short-field part adds up).</summary>
    public static int MetadataTenths(int weight, int count) =>
        count <= 0 ? 0 : (int)Math.Round(10.0 * weight * count / (count + K1), MidpointRounding.AwayFromZero);

    /// <summary>Packs a term's signal: never 0 when the term occurs at all.</summary>
    public static int Signal(bool inHeadline, int metadataTenths, int bodyCount) =>
        (inHeadline ? HeadlineFlag : 0)
        | (Math.Clamp(metadataTenths, 0, MetadataMask) << MetadataShift)
        | Math.Clamp(bodyCount, 0, BodyMask);

    public static (bool InHeadline, int MetadataTenths, int BodyCount) Unpack(int signal) =>
        ((signal & HeadlineFlag) != 0, (signal >> MetadataShift) & MetadataMask, signal & BodyMask);

    /// <param name="signal">What <see cref="Signal"/> packed.</param>
    /// <param name="bodyLength">The article's body in indexed words.</param>
    /// <param name="averageBodyLength">The average of that length over the index.</param>
    /// <returns>0 for a term that does not occur, else 1..<see cref="Levels"/>.</returns>
    public static int Level(int signal, double bodyLength, double averageBodyLength)
    {
        if (signal == 0)
        {
            return 0;
        }

        var (inHeadline, metadata, body) = Unpack(signal);
        var rest = metadata / 10.0;
        if (body > 0)
        {
            var norm = averageBodyLength > 0 ? 1 - B + (B * bodyLength / averageBodyLength) : 1;
            rest += body / (body + (K1 * norm));
        }

        var step = (int)Math.Round(RestSteps * Math.Sqrt(Math.Min(rest, RestMax) / RestMax), MidpointRounding.AwayFromZero);
        if (!inHeadline)
        {
            step = Math.Max(step, 1);
        }

        return 1 + (inHeadline ? 16 : 0) + step;
    }
}
