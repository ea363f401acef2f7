namespace NewsSite.Search;

/// <summary>The analyses of a build's articles, in article order, and how many came from the cache.</summary>
internal sealed record ArticleAnalyses(IReadOnlyList<ArticleAnalysis> Analyses, int Reused)
{
    /// <summary>
    /// Takes each article's analysis from <paramref name="analysed"/> (made while its page was written) or from the
    /// cache when its key is there, and analyses the others in parallel. Each result goes to its article's slot,
    /// so the outcome does not depend on which thread finished first.
    /// </summary>
    public static ArticleAnalyses Collect(IReadOnlyList<SearchArticle> articles, TermTable table, SearchAnalysisCache cache, IReadOnlyList<ArticleAnalysis?>? analysed = null)
    {
        var analyses = new ArticleAnalysis[articles.Count];
        var missing = new List<int>();
        var reused = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            if (analysed?[i] is { } done)
            {
                analyses[i] = done;
            }
            else if (cache.TryGet(articles[i].Key, out var cached))
            {
                analyses[i] = cached;
                reused++;
            }
            else
            {
                missing.Add(i);
            }
        }

        Parallel.For(
            0,
            missing.Count,
            () => new ArticleAnalyzer(table),
            (i, _, analyzer) =>
            {
                var article = articles[missing[i]];
                analyses[missing[i]] = analyzer.Analyse(article.Text());
                return analyzer;
            },
            _ => { });
        return new ArticleAnalyses(analyses, reused);
    }
}
