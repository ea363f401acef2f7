using NewsSite.Routing;

namespace NewsSite.Tests.Routing;

public sealed class OutputPathsTests
{
    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/world/", "world/index.html")]
    [InlineData("/404.html", "404.html")]
    public void Clean_urls_become_index_html(string route, string file) =>
        Assert.Equal(file, OutputPaths.ToRelativeFile(route));

    [Theory]
    [InlineData("/../etc/")]
    [InlineData("/a/../../b/")]
    [InlineData("/a//b/")]
    [InlineData("relative/")]
    [InlineData("/a\\b/")]
    public void Routes_that_could_leave_the_output_folder_are_refused(string route) =>
        Assert.Null(OutputPaths.ToRelativeFile(route));

    [Fact]
    public void Full_paths_stay_under_the_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "out");
        Assert.Null(OutputPaths.ToFullPath(root, "../escape.html"));
        Assert.Equal(Path.Combine(root, "a", "index.html"), OutputPaths.ToFullPath(root, "a/index.html"));
    }
}
