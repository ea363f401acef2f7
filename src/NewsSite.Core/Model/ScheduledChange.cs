using NewsSite.FrontMatter;
namespace NewsSite.Model;

/// <summary>What happens to an article at a scheduled moment.</summary>
public enum ScheduledChangeKind
{
    /// <summary>The article's <c>date</c> arrives and it is published.</summary>
    GoesLive,

    /// <summary>The article's <c>expires</c> arrives and it is taken down.</summary>
    Expires,
}

/// <summary>A moment after "now" at which the published set changes, and the article that changes.</summary>
/// <param name="At">The moment, with the site time zone's offset.</param>
public sealed record ScheduledChange(ScheduledChangeKind Kind, DateTimeOffset At, Article Article)
{
    /// <summary>Time order; at the same instant, going live before expiring, then by source path.</summary>
    public static IComparer<ScheduledChange> Order { get; } = Comparer<ScheduledChange>.Create((a, b) =>
    {
        var byTime = a.At.UtcDateTime.CompareTo(b.At.UtcDateTime);
        if (byTime != 0)
        {
            return byTime;
        }

        var byKind = a.Kind.CompareTo(b.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(a.Article.SourcePath, b.Article.SourcePath);
    });
}

public static class ScheduledChangeKindNames
{
    /// <summary><c>goes-live</c> or <c>expires</c>: the name the schedule command and the build summary print.</summary>
    public static string Name(this ScheduledChangeKind kind) => kind == ScheduledChangeKind.GoesLive ? "goes-live" : "expires";
}
