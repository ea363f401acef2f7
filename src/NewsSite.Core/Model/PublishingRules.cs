namespace NewsSite.Model;

/// <summary>Which articles a build publishes: drafts, scheduled and expired ones stay out unless asked for.</summary>
public sealed record PublishingRules(DateTimeOffset Now, bool IncludeDrafts = false, bool IncludeFuture = false)
{
    public bool IsPublished(Article article) =>
        (IncludeDrafts || !article.Draft)
        && (IncludeFuture || article.Date <= Now)
        && (article.Expires is null || article.Expires > Now);

    /// <summary>The earliest moment after now at which this article appears or disappears.</summary>
    public DateTimeOffset? NextChange(Article article)
    {
        if (!IncludeDrafts && article.Draft)
        {
            return null;
        }

        DateTimeOffset? next = null;
        if (!IncludeFuture && article.Date > Now)
        {
            next = article.Date;
        }

        if (article.Expires is { } expires && expires > Now && (next is null || expires < next))
        {
            next = expires;
        }

        return next;
    }
}
