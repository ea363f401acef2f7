namespace NewsSite;

/// <summary>
/// Gives memory back between the stages of a large build. A stage that ends lets go of a lot at once (what the
/// article pages rendered, the teaser cards after the lists, the feed items before the index); the
/// runtime collects the oldest generation rarely, so without help that garbage stays resident while the next
/// stage adds its own. The README's performance section has the figures.
/// </summary>
/// <remarks>
/// Whether to collect is decided by the size of the site, not of the heap: the heap is the process's, and a
/// process that builds many small sites at once (the test suite, a server) would otherwise pause every one of
/// them for a full collection of everything the others hold.
/// </remarks>
internal sealed class StageMemory
{
    /// <summary>
    /// Below this many articles a stage's garbage is too small to matter and the pauses are not worth it.
    /// </summary>
    public const int ArticleThreshold = 25_000;

    private readonly bool _collect;

    private StageMemory(bool collect) => _collect = collect;

    public static StageMemory ForSite(int articles) => new(articles >= ArticleThreshold);

    /// <summary>
    /// True when the site is small enough for two stages to run side by side: below the threshold, their working
    /// sets together stay far below what one large build needs.
    /// </summary>
    public bool StagesMayOverlap => !_collect;

    /// <returns>True when the site was large enough for the heap to be collected.</returns>
    public bool StageEnded()
    {
        if (!_collect)
        {
            return false;
        }

        // Aggressive: the freed memory goes back to the system too, not only into the heap for later.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return true;
    }
}
