using System.Runtime.CompilerServices;

namespace NewsSite.Tests;

public sealed class StageMemoryTests
{
    [Fact]
    public void A_large_site_collects_when_a_stage_ends_and_the_stage_garbage_is_gone()
    {
        var garbage = LeftByAStage();
        var collections = GC.CollectionCount(GC.MaxGeneration);

        Assert.True(StageMemory.ForSite(StageMemory.ArticleThreshold).StageEnded());

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > collections);
        Assert.False(garbage.IsAlive);
    }

    [Fact]
    public void A_smaller_site_never_pauses_for_a_collection() =>
        Assert.False(StageMemory.ForSite(StageMemory.ArticleThreshold - 1).StageEnded());

    [Fact]
    public void Only_stages_of_a_site_below_the_threshold_may_run_side_by_side()
    {
        Assert.True(StageMemory.ForSite(StageMemory.ArticleThreshold - 1).StagesMayOverlap);
        Assert.False(StageMemory.ForSite(StageMemory.ArticleThreshold).StagesMayOverlap);
    }

    /// <summary>An object only a weak reference still points to, promoted to the oldest generation first.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LeftByAStage()
    {
        var held = new byte[1024];
        GC.Collect();
        GC.Collect();
        return new WeakReference(held);
    }
}
