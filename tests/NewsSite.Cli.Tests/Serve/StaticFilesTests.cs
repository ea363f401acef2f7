using NewsSite.Cli.Serve;

namespace NewsSite.Tests.Serve;

public sealed class StaticFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"), "build");

    public StaticFilesTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "world"));
        File.WriteAllText(Path.Combine(_root, "index.html"), "home");
        File.WriteAllText(Path.Combine(_root, "world", "index.html"), "world");
        File.WriteAllText(Path.Combine(_root, "..", "secret.txt"), "outside");
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_root)!, recursive: true);

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/world/", "world/index.html")]
    [InlineData("/world/index.html", "world/index.html")]
    public void A_path_inside_the_build_is_its_file_or_its_folders_index(string path, string file)
    {
        var found = StaticFiles.Resolve(_root, path, path);

        Assert.Equal(Path.Combine(_root, file), found.File);
    }

    [Fact]
    public void A_folder_without_its_slash_is_redirected_to_it()
    {
        Assert.Equal("/world/", StaticFiles.Resolve(_root, "/world", "/world").RedirectTo);
    }

    [Theory]
    [InlineData("/../secret.txt", "/../secret.txt")]
    [InlineData("/secret.txt", "/%2e%2e/secret.txt")]
    [InlineData("/secret.txt", "/world/..%2F..%2Fsecret.txt")]
    [InlineData("/..\\secret.txt", "/..%5Csecret.txt")]
    [InlineData("/index.html", "/./index.html")]
    [InlineData("/nothing-here.html", "/nothing-here.html")]
    public void Dot_segments_and_missing_files_are_not_found(string path, string rawTarget)
    {
        Assert.Equal(StaticFiles.Resolution.NotFound, StaticFiles.Resolve(_root, path, rawTarget));
    }

    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("assets/style.css", "text/css; charset=utf-8")]
    [InlineData("app.js", "text/javascript; charset=utf-8")]
    [InlineData("feed.xml", "text/xml; charset=utf-8")]
    [InlineData("feed.json", "application/json; charset=utf-8")]
    [InlineData("media/logo.svg", "image/svg+xml; charset=utf-8")]
    [InlineData("media/photo.jpg", "image/jpeg")]
    [InlineData("media/photo.webp", "image/webp")]
    [InlineData("media/report.pdf", "application/pdf")]
    [InlineData("data.unknownext", "application/octet-stream")]
    public void Content_types_follow_the_file_extension(string file, string type)
    {
        Assert.Equal(type, new StaticFiles().ContentType(file));
    }
}
