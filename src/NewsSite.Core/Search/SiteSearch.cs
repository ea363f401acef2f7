using NewsSite.Configuration;
using NewsSite.Diagnostics;
using NewsSite.Markdown;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Templates;

namespace NewsSite.Search;

/// <summary>The search stage of a build: the articles in scope, their text by field, the index files.</summary>
internal static class SiteSearch
{
    /// <summary>
    /// Dek, summary and key points are what a result's snippet is cut from, up to this many characters: enough
    /// for a two-line snippet around the matches, small enough that ten results cost little to fetch.
    /// </summary>
    private const int SnippetSourceLength = 320;

    /// <returns>The number of files written (0 when search is off).</returns>
    public static int Write(SiteModel site, ViewFactory views, MarkdownRenderer markdown, OutputWriter output, DiagnosticBag diagnostics)
    {
        foreach (var slug in SearchScope.UnknownSections(site))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnknownConfigKey, $"search.sections names '{slug}', which is not a section of this site", SourceLocation.StartOf(SiteConfigReader.FileName)));
        }

        if (SearchScope.Of(site) is not { } scope)
        {
            return 0;
        }

        var sectionIndex = scope.Sections.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var articles = new SearchArticle[scope.Entries.Count];
        Parallel.For(0, articles.Length, i => articles[i] = Article(scope.Entries[i], sectionIndex, views, markdown));

        var table = new TermTable();
        var context = SearchCacheKeys.Context(site.Config);
        var cachePath = Path.Combine(output.CacheRoot, SearchAnalysisCache.FileName);
        var cache = SearchAnalysisCache.Load(cachePath, context, table);
        var analyses = ArticleAnalyses.Collect(articles, table, cache);
        // Rewritten only when it would change: some article was analysed, or some cached one has gone.
        if (!articles.Select(a => a.Key).ToHashSet().SetEquals(cache.Keys))
        {
            SearchAnalysisCache.Save(cachePath, context, table, [.. articles.Select((a, i) => (a.Key, analyses.Analyses[i]))]);
        }

        var index = SearchIndexBuilder.Build(articles, analyses.Analyses, table, [.. scope.Sections.Select(s => (s.Slug, s.Name))]);
        return SearchIndexWriter.Write(index, output);
    }

    private static SearchArticle Article(Entry entry, Dictionary<Section, int> sectionIndex, ViewFactory views, MarkdownRenderer markdown)
    {
        var article = entry.Article;
        var date = views.Date(article.Date);
        return new SearchArticle(
            views.Urls.Link(entry.Route),
            article.Headline,
            entry.Section is { } section && sectionIndex.TryGetValue(section, out var found) ? found : -1,
            article.Date,
            date.Day,
            date.Iso,
            SearchCacheKeys.Of(entry),
            () => Text(entry, markdown));
    }

    /// <summary>Everything indexed of an article, by field; called only for articles the cache does not have.</summary>
    private static SearchText Text(Entry entry, MarkdownRenderer markdown)
    {
        var article = entry.Article;
        var keyPoints = article.KeyPoints
            .Select(p => (p.Label is { Length: > 0 } label ? label + ": " : "") + HtmlTextExtractor.Extract(markdown.RenderInline(p.Text)).Trim())
            .ToList();
        var fields = new List<WeightedText>
        {
            new(article.Headline, SearchFieldWeights.Headline),
            new(string.Join('\n', keyPoints), SearchFieldWeights.KeyPoints),
            new(string.Join('\n', article.Tags), SearchFieldWeights.Tags),
            new(article.Dek ?? "", SearchFieldWeights.Dek),
            new(string.Join('\n', article.Authors), SearchFieldWeights.Authors),
            new(article.Summary ?? "", SearchFieldWeights.Summary),
            new(entry.Section?.Name ?? "", SearchFieldWeights.Section),
            new(HtmlTextExtractor.Extract(entry.Body?.Html ?? ""), SearchFieldWeights.Body),
        };
        return new SearchText(fields, Snippet(article.Dek, entry.Summary, keyPoints));
    }

    private static string Snippet(string? dek, string summary, IReadOnlyList<string> keyPoints)
    {
        var parts = new List<string>();
        foreach (var part in (IEnumerable<string?>)[dek, summary, .. keyPoints])
        {
            if (!string.IsNullOrWhiteSpace(part) && !parts.Contains(part.Trim(), StringComparer.Ordinal))
            {
                parts.Add(part.Trim());
            }
        }

        var text = string.Join(" · ", parts);
        if (text.Length <= SnippetSourceLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', SnippetSourceLength);
        return text[..(cut > 0 ? cut : SnippetSourceLength)] + " …";
    }
}
