using NewsSite.Caching;

namespace NewsSite.Tests.Caching;

public sealed class ContentHashTests
{
    private static Hash128 Of(Action<ContentHash.Builder> add)
    {
        var builder = new ContentHash.Builder();
        add(builder);
        return builder.Finish();
    }

    [Fact]
    public void The_same_parts_give_the_same_hash_and_any_change_of_a_part_another()
    {
        var once = Of(b => b.Add("headline").Add(3).Add(["a", "b"]));

        Assert.Equal(once, Of(b => b.Add("headline").Add(3).Add(["a", "b"])));
        Assert.NotEqual(once, Of(b => b.Add("Headline").Add(3).Add(["a", "b"])));
        Assert.NotEqual(once, Of(b => b.Add("headline").Add(4).Add(["a", "b"])));
        Assert.NotEqual(once, Of(b => b.Add("headline").Add(3).Add(["b", "a"])));
        Assert.Equal(32, once.ToString().Length);
    }

    [Fact]
    public void A_list_hashes_the_same_whether_given_as_a_list_or_as_a_sequence()
    {
        string?[] parts = ["a", null, "b"];

        Assert.Equal(Of(b => b.Add(parts)), Of(b => b.Add(parts.Where(_ => true))));
        Assert.NotEqual(Of(b => b.Add(parts)), Of(b => b.Add(parts.Take(2))));
    }

    [Fact]
    public void Parts_longer_than_the_first_buffer_count_in_full()
    {
        var page = new string('x', 5000);

        Assert.NotEqual(Of(b => b.Add(page + "a")), Of(b => b.Add(page + "b")));
        Assert.Equal(Of(b => b.Add(page).Add(1)), Of(b => b.Add(page).Add(1)));
    }

    [Fact]
    public void Parts_never_run_into_each_other()
    {
        // Each pair would be the same bytes if parts were only joined, or tagged by their length alone.
        (Action<ContentHash.Builder> A, Action<ContentHash.Builder> B)[] pairs =
        [
            (b => b.Add("ab").Add("c"), b => b.Add("a").Add("bc")),
            (b => b.Add((string?)null), b => b.Add("")),
            (b => b.Add((string?)null), b => b.Add("\u0000null")),
            (b => b.Add(5), b => b.Add("5")),
            (b => b.Add(0x00410041), b => b.Add("AA")),
            (b => b.Add(["a", ""]), b => b.Add(["a"]).Add("")),
            (b => b.Add("ab"u8), b => b.Add("ab")),
            (b => b.Add(new Hash128(1, 2)), b => b.Add(1).Add(0).Add(2).Add(0)),
            (b => b.Add((Hash128?)null), b => b.Add(default(Hash128))),
            (b => b.Add([0x01, 0x00, 0x00, 0x00]), b => b.Add(1)),
        ];

        foreach (var (a, b) in pairs)
        {
            Assert.NotEqual(Of(a), Of(b));
        }
    }

}
