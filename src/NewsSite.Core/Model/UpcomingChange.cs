using MemoryPack;

namespace NewsSite.Model;

/// <summary>The next scheduled change as a build reports it: what happens, when, and to which article file.</summary>
[MemoryPackable]
public sealed partial record UpcomingChange(ScheduledChangeKind Kind, DateTimeOffset At, string SourcePath)
{
    public static UpcomingChange Of(ScheduledChange change) => new(change.Kind, change.At, change.Article.SourcePath);
}
