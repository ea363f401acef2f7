namespace NewsSite.Model;

public sealed class Section
{
    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required string Route { get; init; }

    public List<Entry> Entries { get; } = [];
}
