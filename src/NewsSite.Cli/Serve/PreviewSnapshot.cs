using NewsSite.Diagnostics;

namespace NewsSite.Cli.Serve;

/// <summary>What the preview serves now: the folder of the last good build, and what the latest build said.</summary>
/// <param name="Version">Counts builds, good or bad; pages carry it so a page that missed a reload can tell.</param>
/// <param name="Root">The output folder of the last build that succeeded; null until one has.</param>
/// <param name="Diagnostics">The latest build's diagnostics; errors mean it failed and <paramref name="Root"/> is older.</param>
internal sealed record PreviewSnapshot(int Version, string? Root, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static PreviewSnapshot Starting { get; } = new(0, null, []);

    public bool Failed => Diagnostics.Any(d => d.IsError);
}
