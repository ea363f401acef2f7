using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace NewsSite.Browser.Tests;

/// <summary>Phrases, typos, stop words, headline weight and date order, on a small inline site in Chromium.</summary>
[Collection(SampleSiteInChromium.Name)]
public sealed class QueryTests(SampleSiteFixture browser, SearchFixtureSite site) : IClassFixture<SearchFixtureSite>
{
    private async Task<(Microsoft.Playwright.IPage Page, List<string> Errors)> SearchAsync(string query, string extra = "")
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/?q=" + Uri.EscapeDataString(query) + extra));
        await page.WaitForFunctionAsync("() => document.querySelector('#search-results').hasAttribute('data-search-rendered')");
        return (page, errors);
    }

    private static async Task<string[]> LinksAsync(Microsoft.Playwright.IPage page) =>
        [.. (await page.Locator(".search-result-title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))];

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_headline_with_every_word_ranks_above_a_newer_body_that_repeats_them_apart()
    {
        var (page, errors) = await SearchAsync("fragile ceasefire ");
        var links = await LinksAsync(page);
        Assert.Equal(SearchFixtureSite.Headline, links[0]);
        Assert.Contains(SearchFixtureSite.Scattered, links);
        // The words side by side in a body count for more than the same words apart.
        Assert.True(Array.IndexOf(links, SearchFixtureSite.Phrase) < Array.IndexOf(links, SearchFixtureSite.Scattered), string.Join(", ", links));
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_quoted_phrase_finds_only_the_articles_that_hold_its_words_side_by_side()
    {
        var (page, errors) = await SearchAsync("\"fragile ceasefire\"");
        Assert.Equal([SearchFixtureSite.Headline, SearchFixtureSite.Phrase], await LinksAsync(page));
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("2 results for “\"fragile ceasefire\"”.");

        var (reversed, moreErrors) = await SearchAsync("\"ceasefire fragile\"");
        Assert.Empty(await LinksAsync(reversed));
        // The stop words of a phrase count too: the body says "a fragile ceasefire at best", not "ceasefire in best".
        var (stops, stopErrors) = await SearchAsync("\"fragile ceasefire at best\"");
        Assert.Equal([SearchFixtureSite.Phrase], await LinksAsync(stops));
        // Three words must be in a row, not found pair by pair in different sentences.
        var (three, threeErrors) = await SearchAsync("\"fragile ceasefire holds\"");
        Assert.Equal([SearchFixtureSite.Headline], await LinksAsync(three));
        Assert.Empty(threeErrors);
        var (otherStops, otherErrors) = await SearchAsync("\"fragile ceasefire in best\"");
        Assert.Empty(await LinksAsync(otherStops));
        Assert.Empty(stopErrors);
        Assert.Empty(otherErrors);
        Assert.Empty(errors);
        Assert.Empty(moreErrors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Articles_with_every_word_come_before_those_with_some()
    {
        var (page, errors) = await SearchAsync("inflation bank ");
        var links = await LinksAsync(page);
        Assert.Equal([SearchFixtureSite.Newest, SearchFixtureSite.Inflation], links);
        Assert.Empty(errors);
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [InlineData("inflaton")]
    [InlineData("Inflaiton ")]
    [InlineData("nflation")]
    public async Task A_word_with_one_typo_that_finds_nothing_is_read_as_the_nearest_word_and_the_page_says_so(string query)
    {
        var (page, errors) = await SearchAsync(query);
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex("^Showing results for “inflation”: 2 results \\(no results for “" + Regex.Escape(query.Trim()) + "”\\)\\.$"));
        Assert.Contains(SearchFixtureSite.Inflation, await LinksAsync(page));
        await Expect(page.Locator(".search-result-title mark").First).ToHaveTextAsync("Inflation");
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_short_word_is_not_corrected()
    {
        var (page, errors) = await SearchAsync("bnak ");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("No results for “bnak”.");
        Assert.Empty(errors);
    }

    [TheoryNeeding(SystemTool.Chromium)]
    [InlineData("data from the")]
    [InlineData("inflation eases as")]
    [InlineData("ceasefire holds in the ")]
    public async Task A_query_that_ends_in_stop_words_still_finds_what_its_other_words_find(string query)
    {
        var (page, errors) = await SearchAsync(query);
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex("^\\d+ results? for "));
        Assert.NotEmpty(await LinksAsync(page));
        Assert.Empty(errors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Sorting_by_newest_puts_the_latest_story_first_and_is_kept_in_the_address()
    {
        var (page, errors) = await SearchAsync("fragile ceasefire ");
        Assert.Equal(SearchFixtureSite.Headline, (await LinksAsync(page))[0]);

        await page.GetByLabel("Order").SelectOptionAsync("newest");
        await Expect(page.Locator(".search-result-title a").First).ToHaveAttributeAsync("href", SearchFixtureSite.Scattered);
        var links = await LinksAsync(page);
        Assert.Equal([SearchFixtureSite.Scattered, SearchFixtureSite.Phrase, SearchFixtureSite.Headline], links);
        Assert.Contains("sort=newest", page.Url, StringComparison.Ordinal);

        var (reopened, moreErrors) = await SearchAsync("fragile ceasefire ", "&sort=newest");
        Assert.Equal(links, await LinksAsync(reopened));
        Assert.Equal("newest", await reopened.Locator("#search-sort").InputValueAsync());
        Assert.Empty(errors);
        Assert.Empty(moreErrors);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task The_browser_hashes_word_pairs_as_the_build_does()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/"));
        await page.WaitForFunctionAsync("() => window.NewsSiteSearch !== undefined");
        string[][] pairs = [["fragil", "ceasefir"], ["ceasefir", "fragil"], ["price", "rise"], ["é", "ü"], ["a", ""], ["show", "that", "player"], ["end", "of", "the", "war"]];
        var buckets = await page.EvaluateAsync<int[]>(
            $"pairs => pairs.map(p => NewsSiteSearch.pairBucket(p[0], p.slice(1, -1).reduce(NewsSiteSearch.pairGap, 0), p[p.length - 1], {NewsSite.Search.WordPairs.Buckets}))", pairs);
        Assert.Equal(pairs.Select(p => NewsSite.Search.WordPairs.Bucket(p[0], p[1..^1], p[^1])), buckets);
        var triple = await page.EvaluateAsync<int>(
            $"() => NewsSiteSearch.tripleBucket([{{ term: 'price' }}, {{ term: 'hit', gap: 0 }}, {{ term: 'farmer', gap: 0 }}], {NewsSite.Search.WordPairs.Buckets})");
        Assert.Equal(NewsSite.Search.WordPairs.Bucket("price", "hit", "farmer"), triple);
        Assert.Empty(errors);
    }
}
