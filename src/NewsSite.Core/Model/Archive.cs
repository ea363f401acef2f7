namespace NewsSite.Model;

/// <summary>The articles of one year (Month 0) or one month, in the site's time zone.</summary>
public sealed class Archive
{
    public required int Year { get; init; }

    public required int Month { get; init; }

    public required string Route { get; init; }

    public List<Entry> Entries { get; } = [];
}
