using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class StoredTermTableTests
{
    [Fact]
    public void Each_generation_kept_numbers_the_strings_the_table_had_after_it()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();

        var kept = StoredTermTable.Empty.Next(["vote", "count"], first, used: 2).Next(["vote", "count", "recount"], second, used: 3);

        Assert.Equal(["vote", "count", "recount"], kept.Strings);
        Assert.Equal(new Dictionary<Guid, int> { [first] = 2, [second] = 3 }, kept.Counts());
    }

    [Fact]
    public void A_table_mostly_of_strings_no_article_uses_starts_afresh()
    {
        var strings = Enumerable.Range(0, 10_000).Select(i => $"term{i}").ToArray();

        Assert.Equal(10_000, StoredTermTable.Empty.Next(strings, Guid.NewGuid(), used: 4_000).Strings.Length);
        Assert.Same(StoredTermTable.Empty, StoredTermTable.Empty.Next(strings, Guid.NewGuid(), used: 2_000));
    }

    [Fact]
    public void A_table_of_very_many_generations_starts_afresh()
    {
        var kept = StoredTermTable.Empty;
        var generations = 0;
        while (kept.Generations.Length == generations)
        {
            kept = kept.Next(["vote"], Guid.NewGuid(), used: 1);
            generations++;
        }

        Assert.Same(StoredTermTable.Empty, kept);
        Assert.InRange(generations, 1_000, 10_000);
    }

    [Fact]
    public void A_generation_said_to_end_past_the_strings_numbers_only_the_strings_there_are()
    {
        var generation = Guid.NewGuid();

        var counts = new StoredTermTable(["vote"], [generation], [5]).Counts();

        Assert.Equal(1, counts[generation]);
    }

    [Fact]
    public void A_term_table_numbers_kept_strings_in_their_order_and_new_ones_after_them()
    {
        var table = new TermTable(["vote", "count"]);

        Assert.Equal(1, table.Id("count"));
        Assert.Equal(2, table.Id("recount"));
        Assert.Equal(["vote", "count", "recount"], table.ToArray());
    }

    [Fact]
    public void Kept_strings_that_repeat_or_are_missing_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => new TermTable(["vote", "count", "vote"]));
        Assert.Throws<InvalidDataException>(() => new TermTable(["vote", null!]));
    }
}
