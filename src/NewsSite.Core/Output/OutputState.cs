using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSite.Output;

/// <summary>
/// What the last build left beside the output folder, in <c>.&lt;output&gt;.newssite/state.json</c>: a manifest
/// (content hash and page fingerprint per file) of the output tree and of the spare tree, the previous output
/// kept for the next incremental build.
/// </summary>
internal sealed class OutputState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    /// <summary>The generator's code identity: a new version of the tool starts from scratch.</summary>
    public string Tool { get; set; } = "";

    public TreeRecord? Output { get; set; }

    public TreeRecord? Spare { get; set; }

    /// <summary>Values worth keeping between builds, keyed by what they were computed from (summaries by source hash).</summary>
    public Dictionary<string, string> Derived { get; set; } = new(StringComparer.Ordinal);

    public static string ToolIdentity { get; } = typeof(OutputState).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static OutputState? Load(string path) =>
        CacheFile.TryReadJson(path, OutputStateJson.Default.OutputState) is { Version: CurrentVersion } state && state.Tool == ToolIdentity
            ? state
            : null;

    /// <summary>Replaced whole (see <see cref="CacheFile"/>), so a killed build never leaves half a state file.</summary>
    public void Save(string path)
    {
        CacheFile.Replace(path, file => JsonSerializer.Serialize(file, this, OutputStateJson.Default.OutputState));
    }
}

/// <summary>One tree's manifest and the stamp (its folder's last write time) that ties the record to the folder.</summary>
internal sealed class TreeRecord
{
    public long Stamp { get; set; }

    public Dictionary<string, FileRecord> Files { get; set; } = new(StringComparer.Ordinal);

    public static long StampOf(string folder) => Directory.GetLastWriteTimeUtc(folder).Ticks;
}

/// <param name="Hash">Content hash of the file's bytes.</param>
/// <param name="Fingerprint">For rendered pages, a hash of everything the page was made from; null for other files.</param>
internal sealed record FileRecord(string Hash, string? Fingerprint);

[JsonSerializable(typeof(OutputState))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class OutputStateJson : JsonSerializerContext;
