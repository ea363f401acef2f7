namespace NewsSite;

public sealed record BuildOptions
{
    /// <summary>The site folder: site.yaml, content/, templates/.</summary>
    public required string SourceRoot { get; init; }

    public required string OutputRoot { get; init; }

    public bool IncludeDrafts { get; init; }

    public bool IncludeFuture { get; init; }

    /// <summary>Overrides site.yaml's base_url (preview deployments).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Reads "now" for publishing decisions; fix it for reproducible builds.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Reuse what the previous build left beside the output folder (unchanged pages are not rendered again);
    /// false (<c>--clean</c>) builds everything from scratch.
    /// </summary>
    public bool Incremental { get; init; } = true;

    /// <summary>
    /// Build into an output folder that holds files though no NewsSite build made it (there is no
    /// <c>.&lt;output&gt;.newssite/</c> beside it); they are all replaced. Without it such a folder is refused.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>Validate and render everything but write nothing (the check command).</summary>
    public bool DryRun { get; init; }

    /// <summary>Check that every link inside the site points at a file of the output (the check command).</summary>
    public bool CheckLinks { get; init; }

    /// <summary>Bounds on each article (file size, key points, time to render).</summary>
    public FrontMatter.ArticleLimits Limits { get; init; } = FrontMatter.ArticleLimits.Default;

    /// <summary>Told when each stage starts, on the building thread (progress lines, <c>--verbose</c>).</summary>
    public IProgress<BuildStage>? Progress { get; init; }
}
