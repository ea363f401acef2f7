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
    public async Task Lead_image_declares_the_size_of_its_file_and_credits_it_in_the_caption()
    {
        var page = await NewPage(1280, 800);
        await page.GotoAsync(site.Server.Url(PictureArticle));
        var image = page.Locator("figure.lead-image img");
        await image.EvaluateAsync("img => img.decode()");
        var natural = await image.EvaluateAsync<int[]>("img => [img.naturalWidth, img.naturalHeight]");
        Assert.Equal([960, 540], natural);
        Assert.Equal("960", await image.GetAttributeAsync("width"));
        Assert.Equal("540", await image.GetAttributeAsync("height"));
        Assert.Contains("Illustration, The Daily Ledger", await page.Locator("figure.lead-image figcaption").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        // The reserved box has the picture's proportions, so nothing moves when it loads.
        var box = await image.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Width / box.Height, 960.0 / 540 - 0.02, 960.0 / 540 + 0.02);
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
