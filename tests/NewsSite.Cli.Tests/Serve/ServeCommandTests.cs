using System.Net;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Serve;

public sealed class ServeCommandTests
{
    private const string Site = """
        -- site.yaml --
        title: Preview Times
        base_url: https://news.example/
        time_zone: UTC
        sections: [world]
        -- content/world/quake.md --
        ---
        headline: Quake Shakes the Capital
        date: 2025-01-02T10:00:00Z
        ---
        First report.
        -- content/world/plans.md --
        ---
        headline: Plans for Tomorrow
        date: 2999-01-01T00:00:00Z
        draft: true
        ---
        Not yet.
        """;

    private const string QuakePage = "/world/2025/01/02/quake/";

    [Fact]
    public async Task Pages_are_served_over_http_with_their_content_types_and_the_live_reload_script()
    {
        using var site = TestSite.Create(Site);
        site.WriteBytes("content/media/photo.jpg", NewsSite.Tests.Pictures.TestPictures.Jpeg(64, 48));
        await using var serve = await ServeSession.StartAsync(site.Source);

        using var home = await serve.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html; charset=utf-8", home.Content.Headers.ContentType!.ToString());
        var page = ServeSession.ParseHtml(await home.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("script[src='/__newssite/live-reload.js'][data-version='1']"));

        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var css = await serve.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType!.ToString());
        using var photo = await serve.GetAsync("/media/photo.jpg");
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.ToString());
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, (await photo.Content.ReadAsByteArrayAsync())[..3]);
        using var script = await serve.GetAsync("/__newssite/live-reload.js");
        Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType!.ToString());
        Assert.Contains("EventSource", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var folder = await serve.GetAsync("/world");
        Assert.Equal(HttpStatusCode.MovedPermanently, folder.StatusCode);
        Assert.Equal("/world/", folder.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Drafts_and_future_articles_are_shown_with_a_draft_badge()
    {
        using var site = TestSite.Create(Site);
        await using var serve = await ServeSession.StartAsync(site.Source);

        var draft = await serve.GetHtmlAsync("/world/2999/01/01/plans/");

        Assert.Equal("Draft", draft.QuerySelector("h1 .badge")!.TextContent);
    }

    [Fact]
    public async Task A_missing_page_gets_the_sites_404_page_with_status_404()
    {
        using var site = TestSite.Create(Site);
        await using var serve = await ServeSession.StartAsync(site.Source);

        using var response = await serve.GetAsync("/no/such/page/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = ServeSession.ParseHtml(await response.Content.ReadAsStringAsync());
        Assert.Equal("page-not_found", page.Body!.ClassName);
    }

    [Fact]
    public async Task Only_requests_for_localhost_or_an_ip_address_at_the_preview_port_are_answered()
    {
        using var site = TestSite.Create(Site);
        await using var serve = await ServeSession.StartAsync(site.Source);

        foreach (var host in new[] { $"127.0.0.1:{serve.Port}", $"localhost:{serve.Port}", $"LocalHost:{serve.Port}", $"[::1]:{serve.Port}" })
        {
            Assert.StartsWith("HTTP/1.1 200 ", await serve.SendRawAsync(QuakePage, host), StringComparison.Ordinal);
        }

        // DNS rebinding: a page on a name the attacker points at 127.0.0.1 must not read the preview.
        foreach (var host in new[] { $"evil.example:{serve.Port}", $"localhost.evil.example:{serve.Port}", $"127.0.0.1.nip.io:{serve.Port}", $"127.0.0.1:{serve.Port + 1}", "localhost", "" })
        {
            var answer = await serve.SendRawAsync(QuakePage, host);
            Assert.Matches("^HTTP/1.1 4(21|00) ", answer);
            Assert.DoesNotContain("Quake", answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_path_that_starts_with_two_slashes_is_never_redirected_to_another_host()
    {
        using var site = TestSite.Create(Site);
        await using var serve = await ServeSession.StartAsync(site.Source);
        Assert.Contains("Location: /world/", await serve.SendRawAsync("/world"), StringComparison.Ordinal);

        foreach (var target in new[] { "//world", "/\\world", "//world?x=1", "///world", "//evil.example/", "/\\evil.example" })
        {
            var answer = await serve.SendRawAsync(target);
            Assert.StartsWith("HTTP/1.1 404 ", answer, StringComparison.Ordinal);
            Assert.DoesNotMatch("(?im)^location:", answer);
        }
    }

    [Theory]
    [InlineData("/../")]
    [InlineData("/../site.yaml")]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/%2e%2e/site.yaml")]
    [InlineData("/world/..%2f..%2fsite.yaml")]
    [InlineData("/assets/%2E%2E/%2E%2E/%2E%2E/site.yaml")]
    [InlineData("/..%5csite.yaml")]
    [InlineData("/./index.html")]
    public async Task A_path_with_dot_segments_gets_404_and_nothing_outside_the_build(string target)
    {
        using var site = TestSite.Create(Site);
        await using var serve = await ServeSession.StartAsync(site.Source);

        var answer = await serve.SendRawAsync(target);

        Assert.StartsWith("HTTP/1.1 404 ", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Preview Times\nbase_url", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", answer, StringComparison.Ordinal);
        Assert.Contains("page-not_found", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_an_article_sends_a_reload_event_and_the_new_content_is_served()
    {
        using var site = TestSite.Create(Site);
        await using var serve = await ServeSession.StartAsync(site.Source);
        using var events = await serve.OpenEventsAsync();
        Assert.Equal("text/event-stream", events.ContentType);
        var hello = await events.NextAsync();
        Assert.Equal(("hello", 1, true), (hello.Name, hello.Version, hello.Ok));
        Assert.Equal("Quake Shakes the Capital", (await serve.GetHtmlAsync(QuakePage)).QuerySelector("h1")!.TextContent.Trim());

        site.WriteFile("content/world/quake.md", """
            ---
            headline: Quake Toll Rises
            date: 2025-01-02T10:00:00Z
            ---
            Updated report.
            """);

        var reload = await events.NextAsync(e => e.Name == "reload");
        Assert.True(reload.Ok);
        Assert.True(reload.Version > 1);
        var page = await serve.GetHtmlAsync(QuakePage);
        Assert.Equal("Quake Toll Rises", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"script[data-version='{reload.Version}']"));
        Assert.Contains("changed: content/world/quake.md", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_front_matter_shows_the_error_overlay_over_the_last_good_page_until_fixed()
    {
        using var site = TestSite.Create(Site);
        await using var serve = await ServeSession.StartAsync(site.Source);
        using var events = await serve.OpenEventsAsync();
        await events.NextAsync();

        site.WriteFile("content/world/quake.md", """
            ---
            headline: [never closed
            date: 2025-01-02T10:00:00Z
            ---
            Broken.
            """);

        var failed = await events.NextAsync(e => e.Name == "reload");
        Assert.False(failed.Ok);
        Assert.True(failed.Data.GetProperty("errors").GetInt32() >= 1);
        var page = await serve.GetHtmlAsync(QuakePage);
        Assert.Equal("Quake Shakes the Capital", page.QuerySelector("h1")!.TextContent.Trim());
        var overlay = page.QuerySelector("#newssite-error-overlay");
        Assert.NotNull(overlay);
        var listed = overlay.QuerySelectorAll("li.newssite-diagnostic").Select(li => li.TextContent).ToList();
        Assert.Contains(listed, text => text.StartsWith("content/world/quake.md:2:", StringComparison.Ordinal) && text.Contains("error NS01", StringComparison.Ordinal));
        Assert.NotNull((await serve.GetHtmlAsync("/")).QuerySelector("#newssite-error-overlay"));

        site.WriteFile("content/world/quake.md", """
            ---
            headline: Quake Fixed
            date: 2025-01-02T10:00:00Z
            ---
            Fixed.
            """);

        var fixedBuild = await events.NextAsync(e => e.Name == "reload" && e.Ok);
        Assert.True(fixedBuild.Version > failed.Version);
        var fixedPage = await serve.GetHtmlAsync(QuakePage);
        Assert.Equal("Quake Fixed", fixedPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(fixedPage.QuerySelector("#newssite-error-overlay"));

        Assert.Equal(0, await serve.StopAsync());
        Assert.Contains("content/world/quake.md:2:", serve.Errors, StringComparison.Ordinal);
        Assert.Contains("still serving the last good build", serve.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_template_or_site_yaml_rebuilds_too()
    {
        using var site = TestSite.Create(Site);
        await using var serve = await ServeSession.StartAsync(site.Source);
        using var events = await serve.OpenEventsAsync();
        await events.NextAsync();

        site.WriteFile("site.yaml", "title: Renamed Times\nbase_url: https://news.example/\ntime_zone: UTC\nsections: [world]\n");
        await events.NextAsync(e => e.Name == "reload" && e.Ok);
        Assert.StartsWith("Renamed Times", (await serve.GetHtmlAsync("/")).Title, StringComparison.Ordinal);

        site.WriteFile("templates/partials/footer.html", "<footer><p id=\"custom\">Custom footer</p></footer>\n");
        await events.NextAsync(e => e.Name == "reload" && e.Ok);
        Assert.Equal("Custom footer", (await serve.GetHtmlAsync("/")).QuerySelector("#custom")?.TextContent);
    }

    [Fact]
    public async Task A_site_that_never_built_shows_the_errors_and_serves_once_fixed()
    {
        using var site = TestSite.Create(Site);
        site.WriteFile("site.yaml", "base_url: https://news.example/\n");
        await using var serve = await ServeSession.StartAsync(site.Source);
        using var events = await serve.OpenEventsAsync();
        Assert.False((await events.NextAsync()).Ok);

        using var response = await serve.GetAsync("/");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = ServeSession.ParseHtml(await response.Content.ReadAsStringAsync());
        Assert.Contains(page.QuerySelectorAll("li.newssite-diagnostic"), li => li.TextContent.StartsWith("site.yaml:", StringComparison.Ordinal));

        site.WriteFile("site.yaml", "title: Preview Times\nbase_url: https://news.example/\n");
        await events.NextAsync(e => e.Name == "reload" && e.Ok);
        Assert.NotNull((await serve.GetHtmlAsync(QuakePage)).QuerySelector("h1"));
    }

    [Fact]
    public async Task Stopping_ends_serve_cleanly_with_exit_0_and_closes_the_port()
    {
        using var site = TestSite.Create(Site);
        var serve = await ServeSession.StartAsync(site.Source);
        await using (serve)
        {
            using var events = await serve.OpenEventsAsync();
            await events.NextAsync();

            Assert.Equal(0, await serve.StopAsync());

            Assert.Contains("stopped", serve.Output, StringComparison.Ordinal);
            await Assert.ThrowsAsync<HttpRequestException>(() => serve.GetAsync("/"));
        }
    }
}
