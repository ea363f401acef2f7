using System.Text.Json;
using System.Text.Json.Serialization;
using NewsSite.Diagnostics;
using NewsSite.Model;

namespace NewsSite.Output;

/// <summary>
/// What the last successful build left in the cache folder (<c>receipt.json</c>): the stamp of the inputs it was
/// built from, a digest of the output it wrote, the interval of "now" over which that output stays right, and the
/// summary and warnings it reported. A build whose inputs and output still match the receipt, at a "now" inside that
/// interval, has nothing to do and reports it again.
/// </summary>
internal sealed class BuildReceipt
{
    public const string FileName = "receipt.json";
    public const int CurrentVersion = 2;

    public int Version { get; set; } = CurrentVersion;

    public string Inputs { get; set; } = "";

    public string Output { get; set; } = "";

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

    /// <summary>The receipt, or null when there is none, it cannot be read, or another version of the tool wrote it.</summary>
    public static BuildReceipt? Load(string cacheRoot) =>
        CacheFile.TryReadJson(Path.Combine(cacheRoot, FileName), BuildReceiptJson.Default.BuildReceipt) is { Version: CurrentVersion } receipt
            ? receipt
            : null;

    /// <summary>Before a build changes anything, the receipt of the last one stops vouching for the output.</summary>
    public static void Remove(string cacheRoot)
    {
        var path = Path.Combine(cacheRoot, FileName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public static BuildReceipt For(BuildResult result, string inputs, string output, DateTimeOffset validFrom, DateTimeOffset? validUntil) => new()
    {
        Inputs = inputs,
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
    };

    /// <summary>True when a build of <paramref name="inputs"/> at <paramref name="now"/> would write what is in the output now.</summary>
    public bool Covers(string inputs, DateTimeOffset now, string outputRoot) =>
        Inputs == inputs && ValidFrom <= now && (ValidUntil is null || now < ValidUntil) && Output == OutputDigest.Of(outputRoot);

    public void Save(string cacheRoot)
    {
        // Best effort: without a receipt, the next build simply builds.
        CacheFile.TryReplace(Path.Combine(cacheRoot, FileName), file => JsonSerializer.Serialize(file, this, BuildReceiptJson.Default.BuildReceipt));
    }

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

[JsonSerializable(typeof(BuildReceipt))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
internal sealed partial class BuildReceiptJson : JsonSerializerContext;
