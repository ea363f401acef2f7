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
    public void What_a_build_reads_is_watched(string path) => Assert.True(SourceWatcher.IsWatched(path));

    [Theory]
    [InlineData("_site/index.html")]
    [InlineData("README.md")]
    [InlineData("content/world/.quake.md.swp")]
    [InlineData("content/world/quake.md~")]
    [InlineData("content/world/#quake.md#")]
    [InlineData(".git/index")]
    public void Output_other_files_and_editor_leftovers_are_not(string path) => Assert.False(SourceWatcher.IsWatched(path));
}
