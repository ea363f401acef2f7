namespace NewsSite.Search;

/// <summary>How much a word counts, by where it appears: the headline and key points say what a story is about.</summary>
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

/// <summary>A piece of an article's text and the weight of the field it comes from.</summary>
internal readonly record struct WeightedText(string Text, int Weight);
