using System.Security.Cryptography;
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
        var firstHashes = Hashes(first.Output);

        var second = site.Build();
        second.AssertSucceeded();
        Assert.Equal(firstHashes, Hashes(second.Output));
        Assert.True(firstHashes.Count > 30);
    }

    private static SortedDictionary<string, string> Hashes(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
