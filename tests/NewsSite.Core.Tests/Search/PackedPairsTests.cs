using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class PackedPairsTests
{
    [Fact]
    public void Pairs_come_back_in_order_of_number_with_their_values()
    {
        var packed = PackedPairs.Pack([300, 2, 70_000], [7, 0, 129]);

        var (keys, values) = Read(packed, values: true);
        Assert.Equal([2, 300, 70_000], keys);
        Assert.Equal([0, 7, 129], values);
    }

    [Fact]
    public void A_set_is_packed_without_values_and_smaller()
    {
        int[] numbers = [5, 1, 32_000, 90];
        var set = PackedPairs.Pack([.. numbers], values: null);
        var pairs = PackedPairs.Pack([.. numbers], [1, 1, 1, 1]);

        var (keys, values) = Read(set, values: false);
        Assert.Equal([1, 5, 90, 32_000], keys);
        Assert.Equal([0, 0, 0, 0], values);
        Assert.Equal(pairs.Length - numbers.Length, set.Length);
    }

    [Fact]
    public void Repeated_numbers_are_refused() =>
        Assert.Throws<ArgumentException>(() => PackedPairs.Pack([4, 4], values: null));

    private static (int[] Keys, int[] Values) Read(byte[] packed, bool values)
    {
        var keys = new List<int>();
        var found = new List<int>();
        for (var reader = PackedPairs.Read(packed, values); reader.Next(out var key, out var value);)
        {
            keys.Add(key);
            found.Add(value);
        }

        return ([.. keys], [.. found]);
    }
}
