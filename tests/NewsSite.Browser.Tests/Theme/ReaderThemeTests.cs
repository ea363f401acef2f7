using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsSite.Browser.Tests;

/// <summary>
/// The theme as a reader meets it, at a phone's width (390 px) and a desktop's (1280 px): the measure of the body
/// text, where the story starts, ad slots, the front page's grids, author pages, print and the search page.
/// </summary>
[Collection(SampleSiteInChromium.Name)]
public sealed partial class ReaderThemeTests(SampleSiteFixture sample, LoneArticleSite lone) : IClassFixture<LoneArticleSite>
{
    private const string ReferenceArticle = "/world/2025/04/30/us-urges-india-pakistan-dialogue/";
    private const string PictureArticle = "/business/2025/05/04/tea-auction-prices/";

    /// <summary>
    /// Characters on each line of the matched elements' text, last lines of paragraphs left out (they are short by
    /// nature). A line is a run of characters whose tops stay within 8 px of the first one's.
    /// </summary>
    private const string CharactersPerLine = """
        selector => {
          const counts = [];
          for (const block of document.querySelectorAll(selector)) {
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            const lines = [];
            let node, top = null;
            while ((node = walker.nextNode())) {
              for (let i = 0; i < node.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const box = range.getClientRects()[0];
                if (!box) continue;
                if (top === null || box.top > top + 8) { top = box.top; lines.push(0); }
                lines[lines.length - 1]++;
              }
            }
            lines.pop();
            counts.push(...lines);
          }
          return counts;
        }
        """;

    public static TheoryData<int, int> Viewports() => new() { { 390, 844 }, { 1280, 800 } };

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task Body_text_runs_60_to_75_characters_a_line_where_the_screen_allows_and_never_more(int width, int height)
    {
        foreach (var url in new[] { sample.Server.Url(ReferenceArticle), lone.Server.Url(LoneArticleSite.Article) })
        {
            var page = await NewPage(width, height);
            await page.GotoAsync(url);
            var lines = await page.EvaluateAsync<int[]>(CharactersPerLine, ".article-body > p");
            Assert.True(lines.Length >= 10, $"{url} at {width} px has only {lines.Length} full lines");
            Assert.True(lines.Max() <= 75, $"{url} at {width} px has lines of up to {lines.Max()} characters");
            var median = lines.Order().ElementAt(lines.Length / 2);
            if (width >= 1024)
            {
                Assert.True(median >= 60, $"{url} at {width} px has lines of {median} characters (median)");
            }
            else
            {
                Assert.True(median >= 30, $"{url} at {width} px has lines of only {median} characters (median)");
            }
        }
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Without_anything_beside_it_the_article_column_is_centred_and_no_right_column_is_reserved()
    {
        var page = await NewPage(1280, 800);
        await page.GotoAsync(lone.Server.Url(LoneArticleSite.Article));
        Assert.Equal(0, await page.Locator(".article-aside").CountAsync());
        var column = await page.Locator("article.article").BoundingBoxAsync();
        Assert.NotNull(column);
        var left = column.X;
        var right = 1280 - column.X - column.Width;
        Assert.True(Math.Abs(left - right) <= 2, $"the article column has {left} px on its left and {right} px on its right");
        await Screenshot(page, "lone-article-1280");
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task With_related_stories_beside_it_the_article_and_its_column_are_centred_together()
    {
        var page = await NewPage(1280, 800);
        await page.GotoAsync(sample.Server.Url(ReferenceArticle));
        var article = await page.Locator("article.article").BoundingBoxAsync();
        var aside = await page.Locator(".article-aside").BoundingBoxAsync();
        Assert.NotNull(article);
        Assert.NotNull(aside);
        Assert.True(aside.X > article.X + article.Width, "the related column is not beside the article");
        var left = article.X;
        var right = 1280 - aside.X - aside.Width;
        Assert.True(Math.Abs(left - right) <= 2, $"the article and its column leave {left} px on the left and {right} px on the right");
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task An_ad_slot_without_ad_code_takes_no_space_and_the_sample_shows_its_house_advertisement(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(lone.Server.Url(LoneArticleSite.Article));
        Assert.Equal(0, await page.Locator(".ad-slot").CountAsync());
        await page.GotoAsync(lone.Server.Url("/"));
        Assert.Equal(0, await page.Locator(".ad-slot").CountAsync());

        foreach (var path in new[] { ReferenceArticle, "/" })
        {
            await page.GotoAsync(sample.Server.Url(path));
            var creative = page.Locator(".ad-slot .ad-body a img").First;
            await creative.EvaluateAsync("img => img.decode()");
            Assert.True(await creative.EvaluateAsync<int>("img => img.naturalWidth") > 0, $"the house advertisement on {path} did not load");
            var box = await creative.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"the house advertisement on {path} leaves the window at {width} px");
            Assert.False(string.IsNullOrWhiteSpace(await creative.GetAttributeAsync("alt")));
        }
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task On_a_phone_the_first_paragraph_starts_within_1400_px_after_headline_byline_and_key_points()
    {
        var page = await NewPage(390, 844);
        await page.GotoAsync(sample.Server.Url(ReferenceArticle));
        var tops = await page.EvaluateAsync<double[]>("""
            () => ['h1', '.byline', '.key-points', '.article-body > p'].map(s => document.querySelector(s).getBoundingClientRect().top + scrollY)
            """);
        Assert.True(tops[3] <= 1400, $"the first paragraph starts {tops[3]} px down");
        Assert.True(tops[0] < tops[1] && tops[1] < tops[2] && tops[2] < tops[3], "headline, byline and key points are not above the first paragraph, in that order");
        Assert.Equal(["Home", "World"], await page.Locator(".breadcrumb li").AllInnerTextsAsync());
        await Screenshot(page, "reference-article-390", fullPage: true);
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task Home_page_grids_leave_no_row_half_empty_and_section_blocks_do_not_repeat_their_kicker(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(sample.Server.Url("/"));
        var grids = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('main .grid')].map(grid => {
              const lefts = [...grid.children].map(c => Math.round(c.getBoundingClientRect().left));
              return { count: lefts.length, columns: new Set(lefts).size, heading: grid.parentElement.querySelector('h2').textContent.trim() };
            })
            """);
        Assert.True(grids.GetArrayLength() >= 3);
        foreach (var grid in grids.EnumerateArray())
        {
            var (count, columns, heading) = (grid.GetProperty("count").GetInt32(), grid.GetProperty("columns").GetInt32(), grid.GetProperty("heading").GetString());
            Assert.True(count % columns == 0, $"{heading} at {width} px puts {count} stories in {columns} columns");
            if (width >= 1024 && count > 1)
            {
                Assert.True(columns > 1, $"{heading} at {width} px stacks its {count} stories in one column");
            }
        }

        var repeated = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.section-block .teaser .kicker')].filter(k => k.getClientRects().length > 0).length");
        Assert.Equal(0, repeated);
        await Screenshot(page, $"home-{width}", fullPage: true);
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [InlineData("/tags/india/")]
    [InlineData("/world/")]
    [InlineData("/authors/ananya-rao/")]
    public async Task List_page_summaries_keep_a_readable_measure_on_a_wide_screen(string path)
    {
        var page = await NewPage(1280, 800);
        await page.GotoAsync(sample.Server.Url(path));
        var lines = await page.EvaluateAsync<int[]>(CharactersPerLine, ".teaser-summary");
        Assert.NotEmpty(lines);
        Assert.True(lines.Max() <= 75, $"{path} has summary lines of up to {lines.Max()} characters");
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task Author_page_and_byline_show_the_photo_bio_and_links_from_site_yaml(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(sample.Server.Url("/authors/vikram-mehta/"));
        var photo = page.Locator(".list-header img.author-photo");
        await photo.EvaluateAsync("img => img.decode()");
        Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        Assert.Contains("markets, trade", await page.Locator(".author-bio").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("mailto:vikram.mehta@example.org", await page.Locator(".author-links a").First.GetAttributeAsync("href"));
        await Screenshot(page, $"author-{width}");

        await page.GotoAsync(sample.Server.Url(PictureArticle));
        var byline = page.Locator(".byline img.byline-photo");
        await byline.EvaluateAsync("img => img.decode()");
        Assert.True(await byline.IsVisibleAsync());
        Assert.Contains("markets, trade", await page.Locator(".about-author").InnerTextAsync(), StringComparison.Ordinal);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Printed_in_a_dark_colour_scheme_an_article_is_black_on_white_without_navigation_and_shows_its_url()
    {
        var page = await NewPage(1280, 800, ColorScheme.Dark);
        await page.GotoAsync(sample.Server.Url(PictureArticle));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print, ColorScheme = ColorScheme.Dark });
        var report = await page.EvaluateAsync<JsonElement>("""
            () => {
              const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
              const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
              const light = [], dark = [];
              for (const e of document.body.querySelectorAll('*')) {
                if (!visible(e)) continue;
                const s = getComputedStyle(e);
                const [r, g, b] = rgb(s.color);
                if ([...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && Math.max(r, g, b) > 0x55) light.push(e.tagName + '.' + e.className + ' ' + s.color);
                const bg = rgb(s.backgroundColor);
                if (bg.length === 3 || (bg.length === 4 && bg[3] > 0)) { if (Math.min(bg[0], bg[1], bg[2]) < 0xF0) dark.push(e.tagName + '.' + e.className + ' ' + s.backgroundColor); }
              }
              return {
                light, dark,
                body: getComputedStyle(document.body).backgroundColor,
                shown: ['.search-box', '.site-nav', '.breadcrumb', '.article-nav', '.ad-slot', 'form'].filter(s => [...document.querySelectorAll(s)].some(visible)),
                url: visible(document.querySelector('.print-url')) ? document.querySelector('.print-url').textContent : '',
                image: document.querySelector('.lead-image img').getBoundingClientRect().height,
              };
            }
            """);
        Assert.Equal("rgb(255, 255, 255)", report.GetProperty("body").GetString());
        Assert.Empty(report.GetProperty("light").EnumerateArray());
        Assert.Empty(report.GetProperty("dark").EnumerateArray());
        Assert.Empty(report.GetProperty("shown").EnumerateArray());
        Assert.Contains("https://example.org" + PictureArticle, report.GetProperty("url").GetString(), StringComparison.Ordinal);
        var image = report.GetProperty("image").GetDouble();
        Assert.True(image > 0 && image <= 6 / 2.54 * 96 + 1, $"the printed lead image is {image} px high");
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [InlineData(ReferenceArticle)]
    [InlineData(PictureArticle)]
    public async Task A_400_word_story_prints_on_at_most_two_a4_pages_in_a_dark_colour_scheme(string path)
    {
        var page = await NewPage(1280, 800, ColorScheme.Dark);
        await page.GotoAsync(sample.Server.Url(path));
        var words = int.Parse(Regex.Match(await page.Locator(".reading-time").InnerTextAsync(), @"(\d+) words").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(words, 350, 450);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print, ColorScheme = ColorScheme.Dark });
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        Assert.InRange(pages, 1, 2);
        File.WriteAllBytes(Path.Combine(ScreenshotFolder(), $"print-{path.Trim('/').Replace('/', '_')}.pdf"), pdf);
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task Search_page_has_one_box_with_the_query_a_button_on_one_line_and_no_layout_shift(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.AddInitScriptAsync("""
            window.__shift = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
              .observe({ type: 'layout-shift', buffered: true });
            """);
        var rendered = page.WaitForConsoleMessageAsync(new PageWaitForConsoleMessageOptions { Predicate = m => m.Text == "search rendered" });
        await page.AddInitScriptAsync("document.addEventListener('search:rendered', () => console.log('search rendered'))");
        await page.GotoAsync(sample.Server.Url("/search/?q=india"));
        await rendered;
        await page.Locator(".search-result").First.WaitForAsync();

        Assert.Equal(1, await page.Locator("input[type=search]").CountAsync());
        Assert.Equal("india", await page.Locator("input[type=search]").InputValueAsync());

        var input = await page.Locator("#search-q").BoundingBoxAsync();
        var button = await page.Locator(".search-submit").BoundingBoxAsync();
        Assert.NotNull(input);
        Assert.NotNull(button);
        Assert.True(Math.Abs(input.Y - button.Y) < 1 && button.X > input.X, "the button is not beside the input");
        var lineHeight = await page.Locator(".search-submit").EvaluateAsync<double>("b => parseFloat(getComputedStyle(b).lineHeight) || parseFloat(getComputedStyle(b).fontSize) * 1.3");
        Assert.True(button.Height < 2 * lineHeight, $"the button's label wraps: {button.Height} px high");
        Assert.True(button.X + button.Width <= width, "the button leaves the window");

        // Two frames after the results are drawn, every shift they cause has been reported.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        var shift = await page.EvaluateAsync<double>("() => window.__shift");
        Assert.True(shift < 0.01, $"the search page shifts by {shift} at {width} px");

        // The page's heading looks like every other page's.
        var searchHeading = await page.Locator("h1").EvaluateAsync<string>("h => { const s = getComputedStyle(h); return s.fontFamily + '|' + s.fontSize + '|' + s.fontWeight; }");
        await page.GotoAsync(sample.Server.Url("/tags/india/"));
        var tagHeading = await page.Locator("h1").EvaluateAsync<string>("h => { const s = getComputedStyle(h); return s.fontFamily + '|' + s.fontSize + '|' + s.fontWeight; }");
        Assert.Equal(tagHeading, searchHeading);
        await Screenshot(page, $"search-{width}");
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [MemberData(nameof(Viewports))]
    public async Task Footnotes_have_one_rule_the_topic_label_differs_from_the_kicker_and_the_footer_has_the_site_menu(int width, int height)
    {
        var page = await NewPage(width, height);
        await page.GotoAsync(sample.Server.Url(ReferenceArticle));
        var rules = await page.EvaluateAsync<int>("""
            () => {
              const notes = document.querySelector('.footnotes');
              const drawn = e => getComputedStyle(e).borderTopStyle !== 'none' && parseFloat(getComputedStyle(e).borderTopWidth) > 0 && e.getClientRects().length > 0;
              return [notes, ...notes.querySelectorAll('hr')].filter(drawn).length
                + [...notes.querySelectorAll('hr')].filter(h => getComputedStyle(h).borderBottomStyle !== 'none' && parseFloat(getComputedStyle(h).borderBottomWidth) > 0).length;
            }
            """);
        Assert.Equal(1, rules);

        const string look = "e => { const s = getComputedStyle(e); return [s.color, s.textTransform, s.fontStyle, s.fontWeight, s.letterSpacing].join('|'); }";
        Assert.NotEqual(await page.Locator(".article-header .kicker").EvaluateAsync<string>(look), await page.Locator(".article-header .topic").EvaluateAsync<string>(look));

        var footer = await page.Locator(".site-footer nav a").AllInnerTextsAsync();
        Assert.Contains("Contact the newsroom", footer);
        Assert.Contains("RSS feed", footer);
        Assert.Equal("mailto:newsroom@example.org", await page.Locator(".site-footer a", new PageLocatorOptions { HasText = "Contact" }).GetAttributeAsync("href"));
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();

    private async Task<IPage> NewPage(int width, int height, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await sample.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
        });
        return await context.NewPageAsync();
    }

    private static string ScreenshotFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Screenshots go next to the test assembly, for a person to look at; they are not compared.</summary>
    private static Task Screenshot(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder(), name + ".png"), FullPage = fullPage });
}
