using NewsSite.FrontMatter;
namespace NewsSite.Model;

/// <summary>Which articles a build publishes: drafts, scheduled and expired ones stay out unless asked for.</summary>
public sealed record PublishingRules(DateTimeOffset Now, bool IncludeDrafts = false, bool IncludeFuture = false)
{
    public bool IsPublished(Article article) =>
        (IncludeDrafts || !article.Draft)
        && (IncludeFuture || article.Date <= Now)
        && (article.Expires is null || article.Expires > Now);

    /// <summary>The earliest moment after now at which this article appears or disappears.</summary>
    public DateTimeOffset? NextChange(Article article) => Changes(article) is [var first, ..] ? first.At : null;

    /// <summary>
    /// The moments after now at which this article appears or disappears, earliest first. An article that would
    /// expire before (or as) it goes live is never published, so it has no changes.
    /// </summary>
    public IReadOnlyList<ScheduledChange> Changes(Article article)
    {
        if (!IncludeDrafts && article.Draft)
        {
            return [];
        }

        var waiting = !IncludeFuture && article.Date > Now;
        if (waiting && article.Expires is { } early && early <= article.Date)
        {
            return [];
        }

        var changes = new List<ScheduledChange>(2);
        if (waiting)
        {
            changes.Add(new ScheduledChange(ScheduledChangeKind.GoesLive, article.Date, article));
        }

        if (article.Expires is { } expires && expires > Now && (IncludeFuture || expires > article.Date))
        {
            changes.Add(new ScheduledChange(ScheduledChangeKind.Expires, expires, article));
        }

        return changes;
    }

    /// <summary>Every article's changes after now, in time order (ties: going live first, then by source path).</summary>
    public IReadOnlyList<ScheduledChange> Upcoming(IEnumerable<Article> articles)
    {
        var all = articles.SelectMany(Changes).ToList();
        all.Sort(ScheduledChange.Order);
        return all;
    }
}
