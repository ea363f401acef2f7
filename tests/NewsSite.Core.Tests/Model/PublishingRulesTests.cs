using NewsSite.Model;

namespace NewsSite.Tests.Model;

public sealed class PublishingRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static Article Make(DateTimeOffset date, bool draft = false, DateTimeOffset? expires = null) =>
        new() { SourcePath = "content/a.md", Headline = "H", Date = date, Slug = "a", Body = "", Draft = draft, Expires = expires };

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
}
