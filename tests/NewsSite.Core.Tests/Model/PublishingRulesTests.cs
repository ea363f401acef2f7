using NewsSite.FrontMatter;
using NewsSite.Model;

namespace NewsSite.Tests.Model;

public sealed class PublishingRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static Article Make(DateTimeOffset date, bool draft = false, DateTimeOffset? expires = null, string path = "content/a.md") =>
        new() { SourcePath = path, Headline = "H", Date = date, Slug = "a", Body = "", Draft = draft, Expires = expires };

    [Fact]
    public void Published_at_exactly_now_and_hidden_a_moment_later()
    {
        var rules = new PublishingRules(Now);
        Assert.True(rules.IsPublished(Make(Now)));
        Assert.False(rules.IsPublished(Make(Now.AddSeconds(1))));
    }

    [Fact]
    public void Expired_at_exactly_now()
    {
        var rules = new PublishingRules(Now);
        Assert.False(rules.IsPublished(Make(Now.AddDays(-1), expires: Now)));
        Assert.True(rules.IsPublished(Make(Now.AddDays(-1), expires: Now.AddSeconds(1))));
    }

    [Fact]
    public void Drafts_only_when_asked()
    {
        Assert.False(new PublishingRules(Now).IsPublished(Make(Now.AddDays(-1), draft: true)));
        Assert.True(new PublishingRules(Now, IncludeDrafts: true).IsPublished(Make(Now.AddDays(-1), draft: true)));
    }

    [Fact]
    public void Next_change_is_the_earlier_of_publication_and_expiry()
    {
        var rules = new PublishingRules(Now);
        Assert.Equal(Now.AddDays(2), rules.NextChange(Make(Now.AddDays(2), expires: Now.AddDays(5))));
        Assert.Equal(Now.AddDays(1), rules.NextChange(Make(Now.AddDays(-2), expires: Now.AddDays(1))));
        Assert.Null(rules.NextChange(Make(Now.AddDays(-2))));
        Assert.Null(rules.NextChange(Make(Now.AddDays(2), draft: true)));
    }

    [Fact]
    public void An_article_that_expires_before_it_goes_live_is_never_scheduled()
    {
        var rules = new PublishingRules(Now);
        Assert.Empty(rules.Changes(Make(Now.AddDays(2), expires: Now.AddDays(1))));
        Assert.Empty(rules.Changes(Make(Now.AddDays(2), expires: Now.AddDays(2))));
        Assert.Null(rules.NextChange(Make(Now.AddDays(2), expires: Now.AddDays(1))));
    }

    [Fact]
    public void A_scheduled_article_with_an_expiry_has_both_changes_in_order()
    {
        var changes = new PublishingRules(Now).Changes(Make(Now.AddDays(2), expires: Now.AddDays(5)));
        Assert.Equal([(ScheduledChangeKind.GoesLive, Now.AddDays(2)), (ScheduledChangeKind.Expires, Now.AddDays(5))], changes.Select(c => (c.Kind, c.At)));
    }

    [Fact]
    public void With_future_articles_included_only_expiry_is_a_change()
    {
        var changes = new PublishingRules(Now, IncludeFuture: true).Changes(Make(Now.AddDays(2), expires: Now.AddDays(5)));
        Assert.Equal([(ScheduledChangeKind.Expires, Now.AddDays(5))], changes.Select(c => (c.Kind, c.At)));
    }

    [Fact]
    public void Upcoming_changes_are_in_time_order_whatever_the_offsets_then_by_kind_and_path()
    {
        var kolkata = TimeSpan.FromHours(5.5);
        var articles = new[]
        {
            // 10:00 in Kolkata is 04:30 UTC, earlier than 06:00 UTC.
            Make(new DateTimeOffset(2025, 6, 3, 6, 0, 0, TimeSpan.Zero), path: "content/b.md"),
            Make(new DateTimeOffset(2025, 6, 3, 10, 0, 0, kolkata), path: "content/c.md"),
            Make(Now.AddDays(-1), expires: new DateTimeOffset(2025, 6, 3, 6, 0, 0, TimeSpan.Zero), path: "content/a.md"),
            Make(new DateTimeOffset(2025, 6, 3, 6, 0, 0, TimeSpan.Zero), path: "content/a2.md"),
            Make(Now.AddDays(-1), path: "content/past.md"),
        };
        var upcoming = new PublishingRules(Now).Upcoming(articles);
        Assert.Equal(
            ["goes-live content/c.md", "goes-live content/a2.md", "goes-live content/b.md", "expires content/a.md"],
            upcoming.Select(c => $"{c.Kind.Name()} {c.Article.SourcePath}"));
    }
}
