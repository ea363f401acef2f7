using NewsSite.Search;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsSite.Browser.Tests;

/// <summary>The search page of the sample site, driven like a reader would, in headless Chromium.</summary>
[Collection(SampleSiteInChromium.Name)]
public sealed partial class SearchPageTests(SampleSiteFixture site)
{
    private const string IndiaPakistan = "/world/2025/04/30/us-urges-india-pakistan-dialogue/";
    private const string Monsoon = "/world/2025/04/15/monsoon-forecast-above-normal/";

    [FactNeeding(SystemTool.Chromium)]
    public async Task Typing_a_query_shows_the_expected_article_first_with_the_words_highlighted()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/"));
        await page.Locator("#search-q").PressSequentiallyAsync("india pakis");

        await Expect(page.Locator("#search-status")).ToHaveTextAsync(ResultsFor("india pakis"));
        var first = page.Locator(".search-result").First;
        await Expect(first.Locator(".search-result-title a")).ToHaveAttributeAsync("href", IndiaPakistan);
        await Expect(first.Locator(".search-result-title mark").First).ToHaveTextAsync("India");
        await Expect(first.Locator(".search-result-meta")).ToContainTextAsync("World");
        await Expect(first.Locator("time")).ToHaveAttributeAsync("datetime", "2025-04-30T18:45:00+05:30");
        await Expect(first.Locator(".search-result-snippet mark").First).ToBeVisibleAsync();
        Assert.EndsWith("/search/?q=india+pakis", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_plain_GET_address_runs_its_query_when_the_page_opens()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/?q=Monsoon%20rainfall"));
        await Expect(page.Locator("#search-q")).ToHaveValueAsync("Monsoon rainfall");
        await Expect(page.Locator(".search-result-title a").First).ToHaveAttributeAsync("href", Monsoon);
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Choosing_a_section_narrows_the_results_to_it()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/?q=india"));
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("4 results for “india”.");
        await Expect(page.Locator("#search-section option[value=politics]")).ToHaveTextAsync("Politics (2)");

        await page.Locator("#search-section").SelectOptionAsync("politics");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("2 results for “india” in Politics.");
        await Expect(page.Locator(".search-result")).ToHaveCountAsync(2);
        foreach (var section in await page.Locator(".search-result-section").AllTextContentsAsync())
        {
            Assert.Equal("Politics", section);
        }

        Assert.Contains("section=politics", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task An_unknown_word_shows_a_no_results_message()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/"));
        await page.Locator("#search-q").PressSequentiallyAsync("zyxwvutq");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("No results for “zyxwvutq”.");
        await Expect(page.Locator(".search-result")).ToHaveCountAsync(0);
        await Expect(page.Locator("#search-pager")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_query_with_markup_is_shown_as_text_and_never_run()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/"));
        var scriptsBefore = await page.Locator("script").CountAsync();
        const string query = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        await page.Locator("#search-q").FillAsync(query);
        await page.Locator("#search-q").PressAsync("Enter");

        // Some of its words ("alert") may be in an article: partial matches are shown after full ones.
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex($"^(No results|\\d+ results?) for “{Regex.Escape(query)}”\\.$"));
        Assert.Equal(scriptsBefore, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Contains("&lt;script&gt;", await page.Locator("#search-status").InnerHTMLAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task The_masthead_box_takes_a_reader_from_any_page_to_the_results()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/"));
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" });
        await box.FillAsync("monsoon");
        // Pressed on the box itself, and the address polled rather than awaited as a navigation event: waiting for
        // the event could miss a navigation that had already committed (a CI run timed out that way).
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/search/\\?q=monsoon$"));
        await Expect(page.Locator(".search-result-title a").First).ToHaveAttributeAsync("href", Monsoon);
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task The_form_works_from_the_keyboard_and_announces_results()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/"));
        var input = page.GetByRole(AriaRole.Searchbox, new() { Name = "Words to find" });
        await input.FocusAsync();
        await page.Keyboard.TypeAsync("election");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(ResultsFor("election"));
        Assert.Equal("status", await page.Locator("#search-status").GetAttributeAsync("role"));
        // After a submit, focus moves to the results so a screen reader reads them next.
        Assert.Equal("search-results", await page.EvaluateAsync<string>("document.activeElement.id"));

        await input.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("search-section", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task The_leading_results_are_shown_before_a_later_results_file_arrives_and_the_status_changes_once_all_are()
    {
        var files = await IndiaResultFiles();
        var (page, errors) = await site.NewPageAsync();
        var release = new TaskCompletionSource();
        await page.RouteAsync(new Regex($"/search/data/d/{files[2]}\\.json(\\?|$)"), async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(site.Server.Url("/search/?q=india"));
        await Expect(page.Locator(".search-result").First).ToBeVisibleAsync();
        var shown = await page.Locator(".search-result").CountAsync();
        Assert.InRange(shown, 1, 3);
        // The live region says nothing until every result is on screen.
        Assert.Equal("", await page.Locator("#search-status").TextContentAsync());

        release.SetResult();
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("4 results for “india”.");
        await Expect(page.Locator(".search-result")).ToHaveCountAsync(4);
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_results_file_that_fails_to_load_leaves_the_other_results_on_screen_and_the_status_says_so()
    {
        var files = await IndiaResultFiles();
        var (page, errors) = await site.NewPageAsync();
        await page.RouteAsync(new Regex($"/search/data/d/{files[2]}\\.json(\\?|$)"), route => route.AbortAsync());
        await page.GotoAsync(site.Server.Url("/search/?q=india"));
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("4 results for “india”. Some of them could not be loaded; try again later.");
        Assert.InRange(await page.Locator(".search-result").CountAsync(), 1, 3);
        Assert.Empty(errors);
    }

    /// <summary>The query "india" has four results in two results files: how many, and the first's file and the last's.</summary>
    private async Task<int[]> IndiaResultFiles()
    {
        var (probe, errors) = await site.NewPageAsync();
        await probe.GotoAsync(site.Server.Url("/search/"));
        await probe.WaitForFunctionAsync("() => window.NewsSiteSearch !== undefined");
        var files = await probe.EvaluateAsync<int[]>("""
            async () => {
              const index = new NewsSiteSearch.SearchIndex('/search/data/meta.json');
              const found = await index.search('india');
              const docs = (found.matches ? found.matches.leading(10) : found.results).map(r => r.doc);
              return [docs.length, Math.floor(docs[0] / index.meta.fragmentSize), Math.floor(docs[docs.length - 1] / index.meta.fragmentSize)];
            }
            """);
        Assert.Empty(errors);
        Assert.Equal(4, files[0]);
        Assert.NotEqual(files[1], files[2]);
        return files;
    }

    private static Regex ResultsFor(string query) => new($"^\\d+ results? for “{Regex.Escape(query)}”\\.$");
}
