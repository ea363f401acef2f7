using NewsSite.Routing;
using NewsSite.Markdown;

namespace NewsSite.Tests.Routing;

public sealed class UrlPolicyTests
{
    [Theory]
    [InlineData("https://example.org/a")]
    [InlineData("http://example.org/")]
    [InlineData("mailto:desk@example.org")]
    [InlineData("tel:+441234")]
    [InlineData("/world/2025/")]
    [InlineData("../media/x.jpg")]
    [InlineData("#fn:1")]
    [InlineData("?page=2")]
    [InlineData("a/b:c")]
    [InlineData("")]
    public void Safe_urls_are_published(string url) => Assert.Null(UrlPolicy.Blocked(url, isImage: false));

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("JaVaScRiPt:alert(1)", "javascript")]
    [InlineData("  javascript:alert(1)", "javascript")]
    [InlineData("\u0001javascript:alert(1)", "javascript")]
    [InlineData("java\tscript:alert(1)", "javascript")]
    [InlineData("java\nscript:alert(1)", "javascript")]
    [InlineData("vbscript:msgbox(1)", "vbscript")]
    [InlineData("data:text/html,<script>alert(1)</script>", "data")]
    [InlineData("data:image/png;base64,AAAA", "data")]
    [InlineData("file:///etc/passwd", "file")]
    public void Urls_that_could_run_script_are_blocked_with_their_scheme(string url, string scheme) =>
        Assert.Equal(scheme, UrlPolicy.Blocked(url, isImage: false));

    [Fact]
    public void Images_may_be_data_urls_of_pictures_only()
    {
        Assert.Null(UrlPolicy.Blocked("data:image/png;base64,AAAA", isImage: true));
        Assert.Null(UrlPolicy.Blocked(" DATA:IMAGE/GIF;base64,R0lG", isImage: true));
        Assert.Equal("data", UrlPolicy.Blocked("data:text/html,x", isImage: true));
        Assert.Equal("javascript", UrlPolicy.Blocked("javascript:alert(1)", isImage: true));
    }

    [Theory]
    [InlineData("%6Aavascript:alert(1)")] // browsers do not decode a scheme: this is a relative path
    [InlineData("\uFF4Aavascript:alert(1)")] // a full-width letter cannot start a scheme either
    [InlineData("/javascript:alert(1)")]
    public void Look_alikes_that_browsers_read_as_relative_paths_are_relative(string url) =>
        Assert.Null(UrlPolicy.SchemeOf(url));
}
