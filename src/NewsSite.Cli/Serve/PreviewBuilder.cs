using System.Globalization;
using NewsSite.Diagnostics;

namespace NewsSite.Cli.Serve;

/// <summary>
/// Builds the site for the preview, each time into a new folder under a private temporary folder, so a request
/// being answered from the previous build is never cut short. A failed build keeps the last good folder.
/// Every change rebuilds the whole site (no incremental builds yet).
/// </summary>
internal sealed class PreviewBuilder(BuildOptions options, string workRoot)
{
    private const string BuildPrefix = "build-";

    private PreviewSnapshot _current = PreviewSnapshot.Starting;

    public PreviewSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Builds once; only one build runs at a time (the caller is a single loop).</summary>
    public BuildResult Build()
    {
        var previous = Current;
        var version = previous.Version + 1;
        var output = Path.Combine(workRoot, string.Create(CultureInfo.InvariantCulture, $"{BuildPrefix}{version}"));
        var result = BuildSafely(options with { OutputRoot = output });
        var next = result.Succeeded
            ? new PreviewSnapshot(version, output, result.Diagnostics)
            : previous with { Version = version, Diagnostics = result.Diagnostics };
        Volatile.Write(ref _current, next);
        if (result.Succeeded)
        {
            RemoveOldBuilds(keep: [output, previous.Root]);
        }

        return result;
    }

    /// <summary>A bug in the generator fails this build, not the preview: the next save may build again.</summary>
    private static BuildResult BuildSafely(BuildOptions buildOptions)
    {
        try
        {
            return SiteBuilder.Build(buildOptions);
        }
#pragma warning disable CA1031 // Any failure of one build is reported and the server keeps running.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var error = Diagnostic.Error(DiagnosticCodes.InternalError, $"internal error while building (please report it): {exception}", null);
            return new BuildResult { Diagnostics = [error] };
        }
    }

    /// <summary>Keeps the current and the previous build (requests may still read it); removes the rest.</summary>
    private void RemoveOldBuilds(string?[] keep)
    {
        foreach (var folder in Directory.EnumerateDirectories(workRoot, BuildPrefix + "*"))
        {
            if (!keep.Contains(folder, StringComparer.Ordinal))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A file may be open for a slow request; the next build tries again.
                }
            }
        }
    }
}
