using NewsSite.Diagnostics;

namespace NewsSite.Deploy;

public sealed record DeployResult
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    public bool DryRun { get; init; }

    /// <summary>Where the site went: <c>s3://bucket/prefix/</c>.</summary>
    public string Target { get; init; } = "";

    /// <summary>Paths (in the output) uploaded, or that a dry run would upload, in ordinal order.</summary>
    public IReadOnlyList<string> Uploaded { get; init; } = [];

    /// <summary>Paths deleted from the bucket, or that a dry run would delete.</summary>
    public IReadOnlyList<string> Deleted { get; init; } = [];

    /// <summary>Objects under the prefix that the site no longer has, kept because of <c>--no-delete</c>.</summary>
    public IReadOnlyList<string> Kept { get; init; } = [];

    /// <summary>
    /// Replaced fingerprinted files kept for <see cref="SiteDeployer.FingerprintedGrace"/> after they were first found
    /// replaced, for pages still cached elsewhere that refer to them; a later deploy deletes them.
    /// </summary>
    public IReadOnlyList<string> Retired { get; init; } = [];

    public int Files { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Objects whose content matched but whose headers had to be read, because no manifest vouched for them.</summary>
    public int Verified { get; init; }

    /// <summary>The bytes of every object uploaded, the manifest included (not the HTTP overhead).</summary>
    public long BytesSent { get; init; }

    /// <summary>The total size of the site's files.</summary>
    public long SiteBytes { get; init; }

    /// <summary>The bucket's manifest vouched for the objects (false: missing, stale or unreadable, so they were checked).</summary>
    public bool ManifestUsed { get; init; }

    /// <summary>The URLs a CDN should purge: those of every file uploaded or deleted.</summary>
    public IReadOnlyList<string> Purge { get; init; } = [];

    public TimeSpan Elapsed { get; init; }
}
