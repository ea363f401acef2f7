using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Model;

public sealed class RelatedArticlesTests
{
    [Fact]
    public void Shared_tags_beat_the_same_section_which_beats_nothing_and_nearer_in_time_wins_ties()
    {
        var (site, built) = TestSite.Build("""
            -- content/world/self.md --
            ---
            headline: Self
            date: 2025-01-10
            tags: [A, B]
            ---
            x
            -- content/politics/both-tags.md --
            ---
            headline: Both tags
            date: 2024-01-01
            tags: [A, B]
            ---
            x
            -- content/politics/one-tag-far.md --
            ---
            headline: One tag far
            date: 2024-06-01
            tags: [B]
            ---
            x
            -- content/politics/one-tag-near.md --
            ---
            headline: One tag near
            date: 2025-01-09
            tags: [A]
            ---
            x
            -- content/world/same-section.md --
            ---
            headline: Same section
            date: 2025-01-11
            ---
            x
            -- content/business/unrelated.md --
            ---
            headline: Unrelated
            date: 2025-01-10T01:00:00Z
            ---
            x
            """);
        using var _ = site;
        built.AssertSucceeded();
        var related = built.Html("world/2025/01/10/self/index.html").QuerySelectorAll(".related .teaser-headline").Select(h => h.TextContent.Trim());
        Assert.Equal(["Both tags", "One tag near", "One tag far", "Same section"], related);
    }
}
