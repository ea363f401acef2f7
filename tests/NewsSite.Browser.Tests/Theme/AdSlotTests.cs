using System.Text.Json;
using Microsoft.Playwright;

namespace NewsSite.Browser.Tests;

/// <summary>
/// Advertisement slots in a real browser, with ads on and off: labelled, reserving their height so that an ad
/// filling the slot moves nothing on the page, never wider than a phone, and absent without a trace when off.
/// </summary>
[Collection(SampleSiteInChromium.Name)]
public sealed class AdSlotTests(SampleSiteFixture sample, AdSites sites) : IClassFixture<AdSites>
{
    private const string Article = "/world/2025/04/30/us-urges-india-pakistan-dialogue/";

    /// <summary>Each slot's label, height, and the free height below its label that an ad can fill.</summary>
    private const string MeasureSlots = """
        () => [...document.querySelectorAll('.ad-slot')].map(slot => {
          const style = getComputedStyle(slot);
          const box = slot.getBoundingClientRect();
          const body = slot.querySelector('.ad-body').getBoundingClientRect();
          return {
            place: [...slot.classList].find(c => c !== 'ad-slot') ?? '',
            label: slot.querySelector('.ad-label')?.textContent.trim() ?? '',
            height: box.height,
            free: Math.floor(box.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth) - body.top),
            paragraphsBefore: slot.parentElement.classList.contains('article-body')
              ? [...slot.parentElement.children].slice(0, [...slot.parentElement.children].indexOf(slot)).filter(e => e.tagName === 'P').length
              : -1,
          };
        })
        """;

    /// <summary>Where everything is: every heading, slot and the page's full height, in page coordinates.</summary>
    private const string Layout = """
        () => JSON.stringify({
          height: document.documentElement.scrollHeight,
          tops: [...document.querySelectorAll('h1, h2, h3, .ad-slot, footer')].map(e => Math.round((e.getBoundingClientRect().top + scrollY) * 2) / 2),
        })
        """;

    /// <summary>What an ad script does: fills each slot's tag with a creative as tall as the slot left free.</summary>
    private const string FillSlots = """
        () => document.querySelectorAll('.ad-slot').forEach(slot => {
          const style = getComputedStyle(slot);
          const body = slot.querySelector('.ad-body').getBoundingClientRect();
          const free = Math.floor(slot.getBoundingClientRect().bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth) - body.top);
          const ad = slot.querySelector('.vendor-ad');
          ad.style.cssText = `display:block;box-sizing:border-box;margin:0 auto;width:300px;max-width:100%;height:${free}px;background:#777`;
        })
        """;

    public static TheoryData<int, int> Viewports() => new() { { 360, 740 }, { 1280, 800 } };

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task Article_page_has_a_labelled_slot_after_paragraph_3_and_one_in_the_sidebar(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(sites.On.Url(Article));
        var slots = await Slots(page);

        Assert.Equal(["ad-in-body", "ad-sidebar"], slots.Select(s => s.Place));
        Assert.All(slots, s => Assert.Equal("Advertisement", s.Label));
        Assert.Equal(3, slots[0].ParagraphsBefore);
        Assert.All(slots, s => Assert.True(s.Free >= 90, $"{s.Place} at {width} px reserves only {s.Free} px for the ad"));
        await Screenshot(page, $"article-ads-on-{width}", fullPage: true);
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task Home_page_has_a_labelled_slot_between_section_blocks(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(sites.On.Url("/"));
        var slot = Assert.Single(await Slots(page));
        Assert.Equal("ad-home", slot.Place);
        Assert.Equal("Advertisement", slot.Label);
        Assert.True(slot.Free >= 90, $"the home slot at {width} px reserves only {slot.Free} px for the ad");
        var neighbours = await page.EvaluateAsync<string[]>("() => { const s = document.querySelector('.ad-slot'); return [s.previousElementSibling?.className ?? '', s.nextElementSibling?.className ?? '']; }");
        Assert.All(neighbours, n => Assert.Contains("section-block", n, StringComparison.Ordinal));
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [InlineData(Article, 360, 740)]
    [InlineData(Article, 1280, 800)]
    [InlineData("/", 360, 740)]
    [InlineData("/", 1280, 800)]
    public async Task An_ad_filling_its_slot_moves_nothing_and_stays_inside_the_window(string path, int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(sites.On.Url(path));
        var before = await page.EvaluateAsync<string>(Layout);
        await page.EvaluateAsync(FillSlots);
        var after = await page.EvaluateAsync<string>(Layout);

        Assert.Equal(before, after);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} with ads at {width} px is {overflow} px wider than the window");
        await Screenshot(page, $"{(path == "/" ? "home" : "article")}-ads-filled-{width}", fullPage: true);
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [InlineData(Article)]
    [InlineData("/")]
    public async Task With_ads_off_the_page_has_no_trace_of_them(string path)
    {
        var page = await NewPage(1280, 800);
        await page.GotoAsync(sites.Off.Url(path));
        var html = await page.ContentAsync();
        Assert.DoesNotContain("ad-slot", html, StringComparison.Ordinal);
        Assert.DoesNotContain("vendor-ad", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisement", await page.Locator("body").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
    }

    private static async Task<IReadOnlyList<Slot>> Slots(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(MeasureSlots);
        return [.. json.EnumerateArray().Select(s => new Slot(
            s.GetProperty("place").GetString()!,
            s.GetProperty("label").GetString()!,
            s.GetProperty("free").GetDouble(),
            s.GetProperty("paragraphsBefore").GetInt32()))];
    }

    private async Task<IPage> NewPage(int width, int height)
    {
        var context = await sample.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    private static Task Screenshot(IPage page, string name, bool fullPage)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    private sealed record Slot(string Place, string Label, double Free, int ParagraphsBefore);
}
