using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsSite.Browser.Tests;

/// <summary>Articles with a lead image: the figure keeps its space before the image arrives and the summary stays in view.</summary>
[Collection(SampleSiteInChromium.Name)]
public sealed class LeadImageTests(SampleSiteFixture site)
{
    private const string PictureArticle = "/business/2025/05/04/tea-auction-prices/";

    public static TheoryData<int, int> Viewports() => new() { { 390, 844 }, { 1280, 800 } };

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task Headline_and_key_points_are_above_the_fold_when_the_article_has_a_lead_image(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(site.Server.Url(PictureArticle));
        var headline = await page.Locator("h1").BoundingBoxAsync();
        var keyPoints = await page.Locator(".key-points").BoundingBoxAsync();
        Assert.NotNull(headline);
        Assert.NotNull(keyPoints);
        Assert.True(headline.Y + headline.Height <= height, $"the headline ends at {headline.Y + headline.Height} px, below the fold at {height} px");
        Assert.True(keyPoints.Y < height - 40, $"the key points box starts at {keyPoints.Y} px, below the fold at {height} px");
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Lead_image_declares_the_size_of_its_copy_and_credits_it_in_the_caption()
    {
        var page = await NewPage(1280, 800);
        await page.GotoAsync(site.Server.Url(PictureArticle));
        var image = page.Locator("figure.lead-image img");
        await image.EvaluateAsync("img => img.decode()");
        var natural = await image.EvaluateAsync<int[]>("img => [img.naturalWidth, img.naturalHeight]");
        var declared = new[] { int.Parse(await image.GetAttributeAsync("width") ?? "0", CultureInfo.InvariantCulture), int.Parse(await image.GetAttributeAsync("height") ?? "0", CultureInfo.InvariantCulture) };
        Assert.InRange((double)natural[0] / natural[1], ((double)declared[0] / declared[1]) - 0.01, ((double)declared[0] / declared[1]) + 0.01);
        Assert.Contains("Photo: Timothy Schellhase", await page.Locator("figure.lead-image figcaption").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        // The reserved box has the picture's proportions, so nothing moves when it loads.
        var box = await image.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Width / box.Height, ((double)declared[0] / declared[1]) - 0.02, ((double)declared[0] / declared[1]) + 0.02);
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task On_a_phone_the_lead_image_is_a_resized_webp_copy_at_most_800_px_wide(int pixelRatio)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = pixelRatio });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.Url(PictureArticle));
        var image = page.Locator("figure.lead-image img");
        await image.EvaluateAsync("img => img.decode()");
        var current = await image.EvaluateAsync<string>("img => img.currentSrc");
        var match = Regex.Match(current, @"/media/green-shoots\.[0-9a-f]{8}-(\d+)\.webp$");
        Assert.True(match.Success, current);
        Assert.InRange(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 358 * pixelRatio * 0.5, 800);
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") <= 800);
    }

    /// <remarks>Scrolled to the end, so the lazy thumbnails load too; the sum of layout shifts stays zero.</remarks>
    [TheoryNeeding(SystemTool.Chromium)]
    [InlineData("/", 390, 844)]
    [InlineData("/", 1280, 800)]
    [InlineData(PictureArticle, 390, 844)]
    [InlineData(PictureArticle, 1280, 800)]
    public async Task Pictures_load_without_moving_anything(string path, int width, int height)
    {
        var page = await NewPage(width, height);
        await page.AddInitScriptAsync("""
            window.__shift = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) { if (!e.hadRecentInput) window.__shift += e.value; } })
              .observe({ type: 'layout-shift', buffered: true });
            """);
        await page.GotoAsync(site.Server.Url(path));
        await page.EvaluateAsync("""
            async () => {
              for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); }
              // A lazy image that is never shown (the lead story's own thumbnail) never loads: wait for the others.
              const shown = [...document.images].filter(i => i.getClientRects().length > 0);
              await Promise.all(shown.map(i => i.decode().catch(() => {})));
              await new Promise(r => setTimeout(r, 200));
            }
            """);
        var pictures = await page.EvaluateAsync<int>("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length");
        Assert.True(pictures >= (path == "/" ? 3 : 1), $"only {pictures} pictures loaded on {path}");
        var shift = await page.EvaluateAsync<double>("() => window.__shift");
        Assert.True(shift < 0.001, $"layout shift {shift} on {path} at {width} px");
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Every_image_of_the_sample_site_declares_its_width_and_height()
    {
        var page = await NewPage(1280, 800);
        var files = Directory.EnumerateFiles(site.Server.Root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var images = 0;
        foreach (var file in files)
        {
            var path = "/" + Path.GetRelativePath(site.Server.Root, file).Replace('\\', '/');
            await page.GotoAsync(site.Server.Url(path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path));
            images += await page.Locator("img").CountAsync();
            var unsized = await page.EvaluateAsync<string[]>("() => [...document.images].filter(i => !i.getAttribute('width') || !i.getAttribute('height')).map(i => i.getAttribute('src'))");
            Assert.True(unsized.Length == 0, $"{path} has images without width and height: {string.Join(", ", unsized)}");
        }

        Assert.True(images >= 2, $"the sample site shows only {images} images");
    }

    private async Task<IPage> NewPage(int width, int height)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }
}
