using MemoryPack;

namespace NewsSite.Search;

/// <summary>
/// A build's <see cref="TermTable"/> as the build cache keeps it for the next, so that kept analyses are numbered in
/// it and read back without looking up a string. The table only grows: each build that analyses an article adds a
/// generation, with how many strings the table then held. An analysis names the generation that made it; one whose
/// generation the table does not know (its build failed before the table was kept) is made again.
/// </summary>
[MemoryPackable]
internal sealed partial record StoredTermTable(string[] Strings, Guid[] Generations, int[] Ends)
{
    private const int MaxGenerations = 4096;

    private const int SpareStrings = 4096;

    public static StoredTermTable Empty { get; } = new([], [], []);

    /// <summary>How many strings each generation the table knows could number.</summary>
    public Dictionary<Guid, int> Counts()
    {
        var counts = new Dictionary<Guid, int>();
        for (var i = 0; i < Math.Min(Generations.Length, Ends.Length); i++)
        {
            counts[Generations[i]] = Math.Clamp(Ends[i], 0, Strings.Length);
        }

        return counts;
    }

    /// <summary>
    /// The table to keep after a build that numbered <paramref name="strings"/> as <paramref name="generation"/>, of
    /// which its index used <paramref name="used"/>. A table mostly of strings no article uses any more, or of very
    /// many generations, starts afresh: the next build analyses every article again.
    /// </summary>
    public StoredTermTable Next(string[] strings, Guid generation, int used) =>
        strings.Length > (2 * used) + SpareStrings || Generations.Length >= MaxGenerations
            ? Empty
            : new(strings, [.. Generations, generation], [.. Ends, strings.Length]);
}
