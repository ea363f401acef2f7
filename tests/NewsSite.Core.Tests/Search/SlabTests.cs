using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class SlabTests
{
    [Fact]
    public void Runs_follow_one_another_in_one_large_array_until_it_is_full()
    {
        var slab = new Slab();
        var first = slab.Take(1000, out var firstStart);
        var second = slab.Take(2000, out var secondStart);

        Assert.Same(first, second);
        Assert.Equal(0, firstStart);
        Assert.Equal(1000, secondStart);

        // The large object heap reports itself as the oldest generation: collections of the younger ones never move it.
        Assert.Equal(GC.MaxGeneration, GC.GetGeneration(first));

        var next = slab.Take(first.Length - 2999, out var nextStart);
        Assert.NotSame(first, next);
        Assert.Equal(0, nextStart);
    }

    [Fact]
    public void A_run_longer_than_an_array_gets_one_of_its_own()
    {
        var slab = new Slab();
        var small = slab.Take(10, out _);
        var large = slab.Take(small.Length + 1, out var start);

        Assert.Equal(0, start);
        Assert.Equal(small.Length + 1, large.Length);
        Assert.NotSame(large, slab.Take(1, out _));
    }
}
