using NewsSite.Diagnostics;

namespace NewsSite.Cli.Serve;

/// <summary>
/// Builds the site for the preview into one folder under a private temporary folder, incrementally: a change
/// renders only the pages it touches, and the new site is swapped in atomically (a request being answered keeps
/// reading the files it opened). A failed build leaves the last good site in place.
/// </summary>
internal sealed class PreviewBuilder(BuildOptions options, string workRoot)
{
    private const string SiteFolder = "site";

    private PreviewSnapshot _current = PreviewSnapshot.Starting;

    public PreviewSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Builds once; only one build runs at a time (the caller is a single loop).</summary>
    public BuildResult Build()
    {
        var previous = Current;
        var version = previous.Version + 1;
        var output = Path.Combine(workRoot, SiteFolder);
        var result = BuildSafely(options with { OutputRoot = output });
        var next = result.Succeeded
            ? new PreviewSnapshot(version, output, result.Diagnostics)
            : previous with { Version = version, Diagnostics = result.Diagnostics };
        Volatile.Write(ref _current, next);
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
}
