using NewsSite.Configuration;

namespace NewsSite.Deploy;

public sealed record DeployOptions
{
    /// <summary>The output folder of a build (<c>_site</c>), with its cache folder beside it.</summary>
    public required string OutputRoot { get; init; }

    public required DeployConfig Target { get; init; }

    /// <summary>The site's base URL, from which the URLs to purge are made.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Work out and report what would change, and change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Delete objects under the prefix that the site no longer has (<c>--no-delete</c> keeps them).</summary>
    public bool Delete { get; init; } = true;

    /// <summary>How many requests run at once.</summary>
    public int Workers { get; init; } = 8;

    /// <summary>Where the AWS credentials and region are read from (the process environment).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Told what the deploy is doing ("uploading 12 of 40 files"), for the progress line.</summary>
    public IProgress<BuildStage>? Progress { get; init; }
}
