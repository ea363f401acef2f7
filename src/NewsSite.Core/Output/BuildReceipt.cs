using MemoryPack;
using NewsSite.Caching;
using NewsSite.Diagnostics;
using NewsSite.Model;

namespace NewsSite.Output;

/// <summary>
/// What the last successful build left in the build cache, under the stamp of the inputs it was built from: a digest
/// of the output it wrote, the interval of "now" over which that output stays right, and the summary and warnings it
/// reported. A build whose inputs and output still match the receipt, at a "now" inside that interval, has nothing
/// to do and reports it again.
/// </summary>
[MemoryPackable]
internal sealed partial class BuildReceipt
{
    private static readonly CacheQuery<BuildReceipt> Receipts = new("receipt");

    public Hash128 Output { get; set; }

    /// <summary>
    /// The "now" the build ran at. An earlier moment is not covered: a preview built at a later <c>--now</c> holds
    /// articles that are not yet live at the clock's "now".
    /// </summary>
    public DateTimeOffset ValidFrom { get; set; }

    /// <summary>The first moment at which the same inputs would give a different site; null for never.</summary>
    public DateTimeOffset? ValidUntil { get; set; }

    public int Articles { get; set; }

    public int ArticleFiles { get; set; }

    public int Pages { get; set; }

    public int Files { get; set; }

    public int Feeds { get; set; }

    public DateTimeOffset? NextChange { get; set; }

    public UpcomingChange? NextScheduledChange { get; set; }

    public List<StoredDiagnostic> Diagnostics { get; set; } = [];

    /// <summary>The receipt of a build of exactly these inputs, if the last build left one.</summary>
    public static BuildReceipt? Find(IBuildCache cache, Hash128 inputs) => cache.TryGet(Receipts, inputs, out var receipt) ? receipt : null;

    public static void Keep(IBuildCache cache, Hash128 inputs, BuildResult result, Hash128 output, DateTimeOffset validFrom, DateTimeOffset? validUntil) =>
        cache.Put(Receipts, inputs, new BuildReceipt
        {
            Output = output,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            Articles = result.Articles,
            ArticleFiles = result.ArticleFiles,
            Pages = result.Pages,
            Files = result.Files,
            Feeds = result.Feeds,
            NextChange = result.NextChange,
            NextScheduledChange = result.NextScheduledChange,
            Diagnostics = [.. result.Diagnostics.Select(StoredDiagnostic.From)],
        });

    /// <summary>True when a build at <paramref name="now"/> would write what is in the output now.</summary>
    public bool Covers(DateTimeOffset now, string outputRoot) =>
        ValidFrom <= now && (ValidUntil is null || now < ValidUntil) && Output == OutputDigest.Of(outputRoot);

    public BuildResult ToResult(TimeSpan elapsed) => new()
    {
        Diagnostics = [.. Diagnostics.Select(d => d.ToDiagnostic())],
        UpToDate = true,
        Articles = Articles,
        ArticleFiles = ArticleFiles,
        Pages = Pages,
        Files = Files,
        Feeds = Feeds,
        Elapsed = elapsed,
        NextChange = NextChange,
        NextScheduledChange = NextScheduledChange,
    };
}
