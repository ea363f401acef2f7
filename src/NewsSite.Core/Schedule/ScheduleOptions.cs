namespace NewsSite.Schedule;

public sealed record ScheduleOptions
{
    /// <summary>The site folder: site.yaml and content/.</summary>
    public required string SourceRoot { get; init; }

    /// <summary>Reads "now": changes at or before it have happened already.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
