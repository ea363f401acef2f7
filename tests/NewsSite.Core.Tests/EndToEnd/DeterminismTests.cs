using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class DeterminismTests
{
    /// <summary>
    /// Two <c>--clean</c> builds of one site into two folders: nothing kept from an earlier build, nothing of the
    /// output folder's name or of the order parallel work finishes in may reach a byte of the output.
    /// </summary>
    [Fact]
    public void Two_clean_builds_of_the_same_input_are_byte_identical()
    {
        var fixture = string.Concat(Enumerable.Range(1, 30).Select(i => $"""

            -- content/{(i % 3 == 0 ? "world" : "politics")}/story-{i}.md --
            ---
            headline: Story {i}
            date: 2025-03-{1 + (i % 5):D2}T10:00:00+01:00
            tags: [Tag {i % 4}, Common]
            authors: [Author {i % 3}]
            key_points: [One, Two]
            {(i % 7 == 0 ? "image: { src: /media/photo.png, alt: A photo }" : "")}
            ---
            Paragraph one of {i}, with *emphasis* and a [link](https://example.org/{i}).

            ## Sub

            Paragraph two — with “quotes” and café.
            """));
        using var site = TestSite.Create(fixture);
        site.WriteBytes("content/media/photo.png", Pictures.TestPictures.Png(640, 360));
        var first = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "first"), Incremental = false });
        first.AssertSucceeded();
        var second = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "second-build"), Incremental = false });
        second.AssertSucceeded();

        var files = first.Files();
        Assert.True(files.Count > 30, $"only {files.Count} files were built");
        Assert.Contains("search/index.html", files);
        Assert.Equal(files, second.Files());
        foreach (var file in files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(first.Output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Output, file))),
                $"{file} differs between two clean builds");
        }
    }
}
