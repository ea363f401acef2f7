using MemoryPack;
using NewsSite.Caching;

namespace NewsSite.Output;

/// <summary>
/// What the last successful build left in the build cache, under the stamp of the inputs it was built from: a digest
/// of the output it wrote, the interval of "now" over which that output stays right, and what it reported. A build
/// whose inputs and output still match the receipt, at a "now" inside that interval, has nothing to do and reports
/// it again.
/// </summary>
/// <param name="ValidFrom">
/// The "now" the build ran at. An earlier moment is not covered: a preview built at a later <c>--now</c> holds
/// articles that are not yet live at the clock's "now".
/// </param>
/// <param name="ValidUntil">The first moment at which the same inputs would give a different site; null for never.</param>
[MemoryPackable]
internal sealed partial record BuildReceipt(Hash128 Output, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, BuildResult Result)
{
    private static readonly CacheQuery<BuildReceipt> Receipts = new("receipt");

    /// <summary>The receipt of a build of exactly these inputs, if the last build left one.</summary>
    public static BuildReceipt? Find(IBuildCache cache, Hash128 inputs) => cache.TryGet(Receipts, inputs, out var receipt) ? receipt : null;

    public static void Keep(IBuildCache cache, Hash128 inputs, BuildResult result, Hash128 output, DateTimeOffset validFrom, DateTimeOffset? validUntil) =>
        cache.Put(Receipts, inputs, new BuildReceipt(output, validFrom, validUntil, result));

    /// <summary>True when a build at <paramref name="now"/> would write what is in the output now.</summary>
    public bool Covers(DateTimeOffset now, string outputRoot) =>
        ValidFrom <= now && (ValidUntil is null || now < ValidUntil) && Output == OutputDigest.Of(outputRoot);

    /// <summary>The kept result as a build that did nothing reports it: nothing read, rendered or written.</summary>
    public BuildResult ToResult(TimeSpan elapsed) =>
        Result with { UpToDate = true, Elapsed = elapsed, ArticlesRead = 0, PagesRendered = 0, PicturesProcessed = 0, FilesWritten = 0 };
}
