namespace NewsSite.Model;

/// <summary>A tag or an author: a name, its slug and the articles that carry it, newest first.</summary>
public sealed class Term
{
    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required string Route { get; init; }

    public List<Entry> Entries { get; } = [];
}
