using NewsSite.Cli.Serve;

namespace NewsSite.Tests.Serve;

public sealed class SourceWatcherTests
{
    [Theory]
    [InlineData("site.yaml")]
    [InlineData("content/world/quake.md")]
    [InlineData("content/media/photo.jpg")]
    [InlineData("content")]
    [InlineData("templates/partials/footer.html")]
    [InlineData("content/world/sedition.md")]
    [InlineData("content/media/4913.jpg")]
    public void What_a_build_reads_is_watched(string path) => Assert.True(SourceWatcher.IsWatched(path));

    [Theory]
    [InlineData("_site/index.html")]
    [InlineData("README.md")]
    [InlineData("content/world/.quake.md.swp")]
    [InlineData("content/world/quake.md~")]
    [InlineData("content/world/#quake.md#")]
    [InlineData(".git/index")]
    [InlineData("content/world/sedAb12Xz")]
    [InlineData("content/world/quake.md.swp")]
    [InlineData("content/world/quake.md.swx")]
    [InlineData("content/world/.#quake.md")]
    [InlineData("content/world/4913")]
    [InlineData("templates/4913")]
    [InlineData("content/world/quake.md.tmp")]
    [InlineData("templates/layout.html.TMP")]
    public void Output_other_files_and_editor_leftovers_are_not(string path) => Assert.False(SourceWatcher.IsWatched(path));
}
