using NewsSite.Diagnostics;
using NewsSite.Model;
using NewsSite.Time;

namespace NewsSite.Schedule;

public sealed record ScheduleResult
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>The site's time zone; null when site.yaml could not be read.</summary>
    public required SiteTimeZone? TimeZone { get; init; }

    /// <summary>The moment the schedule was read for, in the site's time zone.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Changes after <see cref="Now"/>, in time order.</summary>
    public IReadOnlyList<ScheduleEntry> Entries { get; init; } = [];
}

/// <summary>One scheduled change: an article going live at its <c>date</c> or leaving at its <c>expires</c>.</summary>
/// <param name="At">The moment, with the site time zone's offset.</param>
/// <param name="SourcePath">The article's file, e.g. <c>content/world/quake.md</c>.</param>
/// <param name="Url">The absolute URL the article has (or had) while published.</param>
public sealed record ScheduleEntry(ScheduledChangeKind Kind, DateTimeOffset At, string SourcePath, string Headline, string Url);
