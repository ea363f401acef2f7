using Microsoft.Playwright;

namespace NewsSite.Browser.Tests;

/// <summary>The default theme in a real browser: phone and desktop widths, above the fold, dark mode, headings.</summary>
[Collection(SampleSiteInChromium.Name)]
public sealed class ThemeTests(SampleSiteFixture site)
{
    private const string ReferenceArticle = "/world/2025/04/30/us-urges-india-pakistan-dialogue/";

    public static TheoryData<int, int> Viewports() => new() { { 390, 844 }, { 1280, 800 } };

    private static readonly string[] PageTypes =
    [
        "/", "/page/2/", ReferenceArticle, "/science/2025/04/10/himalayan-glacier-survey/", "/world/", "/tags/india/",
        "/authors/staff-reporter/", "/2025/04/", "/tags/", "/authors/", "/archive/", "/404.html", "/search/",
    ];

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task No_page_scrolls_sideways(int width, int height)
    {
        var page = await NewPage(width, height);
        foreach (var path in PageTypes)
        {
            await page.GotoAsync(site.Server.Url(path));
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} at {width} px is {overflow} px wider than the window");
            await Screenshot(page, $"{Name(path)}-{width}");
        }
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task Headline_and_key_points_are_above_the_fold_on_the_article_page(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(site.Server.Url(ReferenceArticle));
        var headline = await page.Locator("h1").BoundingBoxAsync();
        var keyPoints = await page.Locator(".key-points").BoundingBoxAsync();
        Assert.NotNull(headline);
        Assert.NotNull(keyPoints);
        Assert.True(headline.Y + headline.Height <= height, $"the headline ends at {headline.Y + headline.Height} px, below the fold at {height} px");
        Assert.True(keyPoints.Y < height - 40, $"the key points box starts at {keyPoints.Y} px, below the fold at {height} px");
        Assert.True(await page.Locator(".key-points").IsVisibleAsync());
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Dark_mode_changes_the_background()
    {
        var light = await NewPage(390, 844, ColorScheme.Light);
        var dark = await NewPage(390, 844, ColorScheme.Dark);
        await light.GotoAsync(site.Server.Url(ReferenceArticle));
        await dark.GotoAsync(site.Server.Url(ReferenceArticle));
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        var lightColor = await light.EvaluateAsync<string>(background);
        var darkColor = await dark.EvaluateAsync<string>(background);
        Assert.NotEqual(lightColor, darkColor);
        Assert.Equal("rgb(255, 255, 255)", lightColor);
        await Screenshot(dark, "article-dark-390");
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Every_page_of_the_sample_site_has_exactly_one_h1()
    {
        var page = await NewPage(1280, 800);
        var files = Directory.EnumerateFiles(site.Server.Root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 30);
        foreach (var file in files)
        {
            var path = "/" + Path.GetRelativePath(site.Server.Root, file).Replace('\\', '/');
            path = path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;
            await page.GotoAsync(site.Server.Url(path));
            Assert.True(await page.Locator("h1").CountAsync() == 1, $"{path} does not have exactly one h1");
        }
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Pages_are_readable_without_javascript()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.Url(ReferenceArticle));
        Assert.True(await page.Locator(".article-body p").First.IsVisibleAsync());
        Assert.True(await page.Locator(".key-points li").CountAsync() >= 6);
    }

    private async Task<IPage> NewPage(int width, int height, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
        });
        return await context.NewPageAsync();
    }

    private static string Name(string path) => path.Trim('/').Replace('/', '_') is { Length: > 0 } name ? name : "home";

    /// <summary>Screenshots go next to the test assembly, for a person to look at; they are not compared.</summary>
    private static Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }
}
