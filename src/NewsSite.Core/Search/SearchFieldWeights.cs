namespace NewsSite.Search;

/// <summary>
/// How much a word counts, by where it appears: the headline and key points say what a story is about. Each field's
/// count is saturated on its own and then weighted, so a headline word keeps its weight however often a body repeats
/// another (BM25F-style weighting after saturation).
/// </summary>
internal static class SearchFieldWeights
{
    public const int Headline = 10;
    public const int KeyPoints = 5;
    public const int Tags = 4;
    public const int Dek = 3;
    public const int Authors = 3;
    public const int Summary = 2;
    public const int Section = 2;
    public const int Body = 1;
}

/// <summary>
/// What a field is to ranking: the headline (a flag on each of its words), the body (saturated and normalised by
/// its length) or one of the short fields in between (saturated, weighted, summed).
/// </summary>
internal enum FieldRole
{
    Metadata,
    Headline,
    Body,
}

/// <summary>A piece of an article's text, the weight of the field it comes from and the field's role.</summary>
internal readonly record struct WeightedText(string Text, int Weight, FieldRole Role = FieldRole.Metadata)
{
    public static WeightedText Headline(string text) => new(text, SearchFieldWeights.Headline, FieldRole.Headline);

    public static WeightedText Body(string text) => new(text, SearchFieldWeights.Body, FieldRole.Body);
}
