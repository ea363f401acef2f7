using NewsSite.FrontMatter;

namespace NewsSite.Tests.FrontMatter;

public sealed class FrontMatterSplitterTests
{
    [Fact]
    public void Yaml_and_body_are_split_with_their_starting_lines()
    {
        var (split, error) = FrontMatterSplitter.Split("---\na: 1\nb: 2\n---\nBody\n", "x.md");
        Assert.Null(error);
        Assert.Equal("a: 1\nb: 2\n", split!.Yaml);
        Assert.Equal(2, split.YamlLine);
        Assert.Equal("Body\n", split.Body);
        Assert.Equal(5, split.BodyLine);
    }

    [Fact]
    public void Closing_fence_may_be_dots_and_may_end_the_file()
    {
        var (split, _) = FrontMatterSplitter.Split("---\na: 1\n...", "x.md");
        Assert.Equal("a: 1\n", split!.Yaml);
        Assert.Equal("", split.Body);
    }

    [Fact]
    public void A_horizontal_rule_in_the_body_is_not_a_fence()
    {
        var (split, _) = FrontMatterSplitter.Split("---\na: 1\n---\nOne\n\n---\n\nTwo\n", "x.md");
        Assert.Equal("One\n\n---\n\nTwo\n", split!.Body);
    }

    [Theory]
    [InlineData("", "NS0101")]
    [InlineData("Body only", "NS0101")]
    [InlineData("--- \n", "NS0102")]
    [InlineData("---\na: 1\nno end", "NS0102")]
    public void Missing_fences_are_errors_at_line_1(string text, string code)
    {
        var (split, error) = FrontMatterSplitter.Split(text, "x.md");
        Assert.Null(split);
        Assert.Equal(code, error!.Code);
        Assert.Equal(new NewsSite.Diagnostics.SourceLocation("x.md", 1, 1), error.Location);
    }
}
