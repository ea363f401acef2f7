using NewsSite.Search;
namespace NewsSite.Browser.Tests;

/// <summary>
/// The browser's half of ranking: rarity of the words (idf), neighbouring words and a gentle recency boost on top
/// of the build's per-article levels; articles with every word first.
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
    public async Task Articles_with_every_word_come_first_then_those_with_fewer_and_scores_add_up()
    {
        var results = await RunAsync<double[][]>("""
            () => NewsSiteSearch.rank([new Map([[0, 9.0], [1, 1.0], [2, 1.0]]), new Map([[1, 0.5], [2, 2.0]])], [10, 10, 10], 10)
                    .map(r => [r.doc, r.score, r.matched])
            """);
        Assert.Equal([2.0, 1.0, 0.0], results.Select(r => r[0]));
        Assert.Equal([2.0, 2.0, 1.0], results.Select(r => r[2]));
        Assert.Equal(3.0 * 1.05, results[0][1], 6);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_required_pair_leaves_out_articles_without_it_and_an_optional_one_adds_to_the_score()
    {
        var results = await RunAsync<double[][]>("""
            () => {
              const words = [new Map([[0, 1.0], [1, 1.0]]), new Map([[0, 1.0], [1, 1.0]])];
              const optional = NewsSiteSearch.rank(words, [10, 10], 10, { pairs: [{ a: 0, b: 1, docs: new Set([0]), score: 5, required: false }] });
              const required = NewsSiteSearch.rank(words, [10, 10], 10, { pairs: [{ a: 0, b: 1, docs: new Set([0]), score: 5, required: true }] });
              return [optional.map(r => r.doc), required.map(r => r.doc)];
            }
            """);
        Assert.Equal([0.0, 1.0], results[0]);
        Assert.Equal([0.0], results[1]);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task The_leading_results_a_page_shows_are_those_the_full_ranking_starts_with()
    {
        // 400 articles, three words, scores with many ties: the first results without sorting every match are the
        // full ranking's, by relevance and by date, and among those a filter lets through.
        var values = await RunAsync<bool[]>("""
            () => {
              const size = 400;
              const days = Array.from({ length: size }, (_, d) => 100 + (d * 7) % 13);
              const words = [0, 1, 2].map(w => {
                const scores = new Map();
                for (let d = 0; d < size; d++) { if ((d * (w + 3)) % 5 < 3) { scores.set(d, ((d * (w + 1)) % 4) / 2); } }
                return scores;
              });
              const matches = new NewsSiteSearch.Matches(words, days, 120);
              const odd = d => d % 2 === 1;
              const same = (a, b) => a.length > 0 && JSON.stringify(a) === JSON.stringify(b);
              return [same(matches.leading(10), matches.ranked().slice(0, 10)),
                      same(matches.leading(20, 'newest'), matches.ranked('newest').slice(0, 20)),
                      same(matches.leading(15, undefined, odd), matches.ranked().filter(r => odd(r.doc)).slice(0, 15)),
                      same(matches.leading(300), matches.ranked().slice(0, 300)),
                      same(NewsSiteSearch.rank(words, days, 120), matches.ranked())];
            }
            """);
        Assert.Equal([true, true, true, true, true], values);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_word_being_typed_is_paired_as_its_commonest_completion_so_the_pair_is_at_hand_before_it_is_finished()
    {
        var values = await RunAsync<bool[]>("""
            async () => {
              const index = new NewsSiteSearch.SearchIndex('/search/data/meta.json');
              await index.search('india pakis');
              const buckets = index.meta.pairBuckets;
              const pair = NewsSiteSearch.pairBucket('india', 0, NewsSiteSearch.stem('pakistan'), buckets);
              const typed = NewsSiteSearch.pairBucket('india', 0, 'pakis', buckets);
              // The completion's pair is fetched (stories hold the two words side by side); the fragment's is not.
              return [index.pairLists.has(pair) && index.pairLists.get(pair).size > 0, index.pairLists.has(typed)];
            }
            """);
        Assert.Equal([true, false], values);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Sorting_by_newest_keeps_articles_with_every_word_first()
    {
        var order = await RunAsync<int[]>("""
            () => NewsSiteSearch.rank([new Map([[0, 9.0], [1, 1.0], [2, 1.0]]), new Map([[0, 9.0], [1, 1.0]])], [5, 7, 9], 9, { sort: 'newest' }).map(r => r.doc)
            """);
        Assert.Equal([1, 0, 2], order);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_headline_word_outweighs_the_most_the_rest_can_give_and_words_one_edit_apart_are_recognised()
    {
        var values = await RunAsync<bool[]>("""
            () => [NewsSiteSearch.levelScore(17) > NewsSiteSearch.levelScore(16), NewsSiteSearch.levelScore(17) > 2 * NewsSiteSearch.levelScore(16),
                   NewsSiteSearch.oneEditApart('inflaton', 'inflation'), NewsSiteSearch.oneEditApart('inflaiton', 'inflation'),
                   NewsSiteSearch.oneEditApart('inflatoin', 'inflation'), NewsSiteSearch.oneEditApart('inflbtion', 'inflation'),
                   NewsSiteSearch.oneEditApart('inflation', 'inflation'), NewsSiteSearch.oneEditApart('inflaxxon', 'inflation'),
                   NewsSiteSearch.oneEditApart('nfltion', 'inflation')]
            """);
        Assert.Equal([true, true, true, true, true, true, false, false, false], values);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Of_two_headlines_holding_the_words_the_shorter_ranks_first_and_a_long_one_still_beats_the_rest()
    {
        var values = await RunAsync<double[]>("""
            () => {
              const average = 8;
              const short = NewsSiteSearch.levelScore(17, NewsSiteSearch.headlineFactor(4, average));
              const usual = NewsSiteSearch.levelScore(17, NewsSiteSearch.headlineFactor(8, average));
              const long = NewsSiteSearch.levelScore(17, NewsSiteSearch.headlineFactor(16, average));
              const endless = NewsSiteSearch.levelScore(17, NewsSiteSearch.headlineFactor(400, average));
              // Two articles holding both words in the headline, the same elsewhere: four words against sixteen.
              const order = NewsSiteSearch.rank([new Map([[0, long], [1, short]]), new Map([[0, long], [1, short]])], [10, 10], 10).map(r => r.doc);
              return [short, usual, long, endless, NewsSiteSearch.levelScore(16), order[0]];
            }
            """);
        Assert.True(values[0] > values[1] && values[1] > values[2]);
        Assert.Equal(10.0, values[1], 6);
        // However long the headline, a word in it outweighs the most the rest of an article can add.
        Assert.True(values[3] > values[4]);
        Assert.Equal(1.0, values[5]);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_quoted_phrase_counts_for_more_in_a_shorter_body_and_its_words_only_for_the_headline()
    {
        var values = await RunAsync<double[]>("""
            () => {
              const words = [new Map([[0, 0], [1, 0]]), new Map([[0, 0], [1, 0]])];
              // Both articles hold the phrase: the newer in a body twice the average length, the older in one half of it.
              const factors = new Float64Array([NewsSiteSearch.bodyFactor(1200, 600), NewsSiteSearch.bodyFactor(300, 600)]);
              const order = NewsSiteSearch.rank(words, [20, 10], 20, { pairs: [{ a: 0, b: 1, docs: new Set([0, 1]), score: 5, required: true, factors }] }).map(r => r.doc);
              return [order[0], NewsSiteSearch.bodyFactor(600, 600), factors[0], factors[1],
                      NewsSiteSearch.levelScore(32, 1, false), NewsSiteSearch.levelScore(16, 1, false), NewsSiteSearch.levelScore(16, 1, true)];
            }
            """);
        Assert.Equal(1.0, values[0]);
        Assert.Equal(1.0, values[1], 6);
        Assert.True(values[2] < 1 && values[3] > 1);
        // A phrase's word counts for the headline; its mentions elsewhere are the phrase's to score.
        Assert.Equal(10.0, values[4], 6);
        Assert.Equal(0.0, values[5], 6);
        Assert.Equal(4.0, values[6], 6);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task A_completion_of_the_last_word_counts_less_the_more_letters_it_adds()
    {
        var values = await RunAsync<double[]>("""
            () => [NewsSiteSearch.completionFactor('ban', 'bank'), NewsSiteSearch.completionFactor('ban', 'banerje'),
                   NewsSiteSearch.completionFactor('infla', 'inflat')]
            """);
        Assert.True(values[0] > values[1]);
        // A rare name the word begins, in a headline, no longer outweighs the word as typed in a headline.
        Assert.True(values[1] < 0.5);
        Assert.InRange(values[2], 0.5, 0.7);
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task Rare_words_count_for_more_and_the_recency_boost_is_gentle_and_fades()
    {
        var values = await RunAsync<double[]>("""
            () => [NewsSiteSearch.idf(10000, 5), NewsSiteSearch.idf(10000, 5000), NewsSiteSearch.idf(10000, 10000),
                   NewsSiteSearch.recencyBoost(0), NewsSiteSearch.recencyBoost(90), NewsSiteSearch.recencyBoost(3650)]
            """);
        Assert.True(values[0] > values[1] * 5);
        // A word in every article still counts: a headline that holds it beats one that does not.
        Assert.True(values[2] > 0.5);
        Assert.Equal(1.05, values[3], 6);
        Assert.Equal(1.025, values[4], 6);
        Assert.InRange(values[5], 1.0, 1.0001);
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
