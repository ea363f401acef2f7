using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class DeterminismTests
{
    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        var fixture = string.Concat(Enumerable.Range(1, 30).Select(i => $"""

            -- content/{(i % 3 == 0 ? "world" : "politics")}/story-{i}.md --
            ---
            headline: Story {i}
            date: 2025-03-{1 + (i % 5):D2}T10:00:00+01:00
            tags: [Tag {i % 4}, Common]
            authors: [Author {i % 3}]
            key_points: [One, Two]
            ---
            Paragraph one of {i}.

            ## Sub

            Paragraph two.
            """));
        using var site = TestSite.Create(fixture);
        var first = site.Build();
        first.AssertSucceeded();
        var firstHashes = OutputHashes.Of(first.Output);

        var second = site.Build();
        second.AssertSucceeded();
        Assert.Equal(firstHashes, OutputHashes.Of(second.Output));
        Assert.True(firstHashes.Count > 30);
    }
}
