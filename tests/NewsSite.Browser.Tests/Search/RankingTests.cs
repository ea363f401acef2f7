using NewsSite.Search;
namespace NewsSite.Browser.Tests;

/// <summary>
/// The browser's half of ranking: rarity of the words (idf) and recency on top of the build's per-article
/// levels, and only articles that match every word.
/// </summary>
[Collection(SampleSiteInChromium.Name)]
public sealed class RankingTests(SampleSiteFixture site)
{
    private async Task<T> RunAsync<T>(string script)
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/"));
        await page.WaitForFunctionAsync("() => window.NewsSiteSearch !== undefined");
        var result = await page.EvaluateAsync<T>(script);
        Assert.Empty(errors);
        await page.CloseAsync();
        return result;
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Of_two_equally_relevant_articles_the_newer_ranks_first()
    {
        var order = await RunAsync<int[]>("""
            () => NewsSiteSearch.rank([new Map([[0, 2.0], [1, 2.0]])], [100, 160], 160).map(r => r.doc)
            """);
        Assert.Equal([1, 0], order);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_much_more_relevant_older_article_still_beats_a_new_passing_mention()
    {
        var order = await RunAsync<int[]>("""
            () => NewsSiteSearch.rank([new Map([[0, 4.0], [1, 1.0]])], [100, 160], 160).map(r => r.doc)
            """);
        Assert.Equal([0, 1], order);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Only_articles_with_every_word_are_results_and_their_scores_add_up()
    {
        var results = await RunAsync<double[][]>("""
            () => NewsSiteSearch.rank([new Map([[0, 1.0], [1, 1.0], [2, 1.0]]), new Map([[1, 0.5], [2, 2.0]])], [10, 10, 10], 10)
                    .map(r => [r.doc, r.score])
            """);
        Assert.Equal([2.0, 1.0], results.Select(r => r[0]));
        Assert.Equal(3.0 * 1.5, results[0][1], 6);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Rare_words_count_for_more_and_the_recency_boost_fades()
    {
        var values = await RunAsync<double[]>("""
            () => [NewsSiteSearch.idf(10000, 5), NewsSiteSearch.idf(10000, 5000),
                   NewsSiteSearch.recencyBoost(0), NewsSiteSearch.recencyBoost(30), NewsSiteSearch.recencyBoost(3650)]
            """);
        Assert.True(values[0] > values[1] * 5);
        Assert.Equal(1.5, values[2], 6);
        Assert.Equal(1.25, values[3], 6);
        Assert.InRange(values[4], 1.0, 1.0001);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_headline_match_outranks_a_body_mention_on_the_sample_site()
    {
        // "Ceasefire" is in one headline; the ranking must put that article first.
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/?q=ceasefire%20"));
        await page.Locator(".search-result").First.WaitForAsync();
        Assert.Equal("/world/2025/03/28/ceasefire-talks-geneva/", await page.Locator(".search-result-title a").First.GetAttributeAsync("href"));
        Assert.Empty(errors);
    }
}
