using System.Collections.Concurrent;
using NewsSite.Configuration;
using NewsSite.Diagnostics;
using NewsSite.Markdown;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Templates;

namespace NewsSite.Search;

/// <summary>
/// The search stage of a build: the articles in scope, their text by field, the index files. An article is
/// analysed from the body its page rendered (<see cref="Observe"/>), from the analysis cache, or, failing both,
/// by rendering its body once more when the index is written.
/// </summary>
internal sealed class SiteSearch
{
    /// <summary>
    /// Dek, summary and key points are what a result's snippet is cut from, up to this many characters: enough
    /// for a two-line snippet around the matches, small enough that ten results cost little to fetch.
    /// </summary>
    private const int SnippetSourceLength = 320;

    private readonly SearchScope _scope;
    private readonly SearchArticle[] _articles;
    private readonly Dictionary<Entry, int> _slots;
    private readonly ArticleAnalysis?[] _analysed;
    private readonly TermTable _table = new();
    private readonly Hash128 _context;
    private readonly string _cachePath;
    private readonly SearchAnalysisCache _cache;
    private readonly MarkdownRenderer _markdown;
    private readonly ConcurrentBag<ArticleAnalyzer> _analyzers = [];

    private SiteSearch(SiteModel site, SearchScope scope, ViewFactory views, MarkdownRenderer markdown, OutputWriter output)
    {
        _scope = scope;
        _markdown = markdown;
        var sectionIndex = scope.Sections.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        _articles = new SearchArticle[scope.Entries.Count];
        Parallel.For(0, _articles.Length, i => _articles[i] = Article(scope.Entries[i], sectionIndex, views, markdown));
        _slots = new Dictionary<Entry, int>(scope.Entries.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < scope.Entries.Count; i++)
        {
            _slots[scope.Entries[i]] = i;
        }

        _analysed = new ArticleAnalysis?[_articles.Length];
        _context = SearchCacheKeys.Context(site.Config);
        _cachePath = Path.Combine(output.CacheRoot, SearchAnalysisCache.FileName);
        _cache = SearchAnalysisCache.Load(_cachePath, _context, _table);
    }

    /// <returns>Null when the site has search switched off (or nothing in its scope).</returns>
    public static SiteSearch? Begin(SiteModel site, ViewFactory views, MarkdownRenderer markdown, OutputWriter output, DiagnosticBag diagnostics)
    {
        foreach (var slug in SearchScope.UnknownSections(site))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnknownConfigKey, $"search.sections names '{slug}', which is not a section of this site", SourceLocation.StartOf(SiteConfigReader.FileName)));
        }

        return SearchScope.Of(site) is { } scope ? new SiteSearch(site, scope, views, markdown, output) : null;
    }

    /// <summary>Analyses an article from the body its page just rendered, unless the cache has it. Thread-safe.</summary>
    public void Observe(Entry entry, RenderedBody body)
    {
        if (!_slots.TryGetValue(entry, out var slot) || _cache.TryGet(_articles[slot].Key, out _))
        {
            return;
        }

        var analyzer = _analyzers.TryTake(out var free) ? free : new ArticleAnalyzer(_table);
        _analysed[slot] = analyzer.Analyse(Text(entry, body, _markdown));
        _analyzers.Add(analyzer);
    }

    /// <returns>The number of files written.</returns>
    public int Write(OutputWriter output)
    {
        var analyses = ArticleAnalyses.Collect(_articles, _table, _cache, _analysed);

        // Rewritten only when it would change: some article was analysed, or some cached one has gone.
        if (!_articles.Select(a => a.Key).ToHashSet().SetEquals(_cache.Keys))
        {
            // A loop, not Select((a, i) => ...): LINQ over a tuple of a struct is compiled at run time (40 ms).
            var entries = new (Hash128 Key, ArticleAnalysis Analysis)[_articles.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = (_articles[i].Key, analyses.Analyses[i]);
            }

            SearchAnalysisCache.Save(_cachePath, _context, _table, entries, _cache);
        }

        var index = SearchIndexBuilder.Build(_articles, analyses.Analyses, _table, [.. _scope.Sections.Select(s => (s.Slug, s.Name))]);
        return SearchIndexWriter.Write(index, output);
    }

    private static SearchArticle Article(Entry entry, Dictionary<Section, int> sectionIndex, ViewFactory views, MarkdownRenderer markdown)
    {
        var article = entry.Article;
        var date = views.Teaser(entry).Date;
        return new SearchArticle(
            views.Urls.Link(entry.Route),
            article.Headline,
            entry.Section is { } section && sectionIndex.TryGetValue(section, out var found) ? found : -1,
            article.Date,
            date.Day,
            date.Iso,
            SearchCacheKeys.Of(entry),
            () => Text(entry, entry.RenderBody(), markdown));
    }

    /// <summary>Everything indexed of an article, by field; called only for articles the cache does not have.</summary>
    private static SearchText Text(Entry entry, RenderedBody body, MarkdownRenderer markdown)
    {
        var article = entry.Article;
        var keyPoints = article.KeyPoints
            .Select(p => (p.Label is { Length: > 0 } label ? label + ": " : "") + HtmlTextExtractor.Extract(markdown.RenderInline(p.Text)).Trim())
            .ToList();
        var fields = new List<WeightedText>
        {
            WeightedText.Headline(article.Headline),
            new(string.Join('\n', keyPoints), SearchFieldWeights.KeyPoints),
            new(string.Join('\n', article.Tags), SearchFieldWeights.Tags),
            new(article.Dek ?? "", SearchFieldWeights.Dek),
            new(string.Join('\n', article.Authors), SearchFieldWeights.Authors),
            new(article.Summary ?? "", SearchFieldWeights.Summary),
            new(entry.Section?.Name ?? "", SearchFieldWeights.Section),
            WeightedText.Body(HtmlTextExtractor.Extract(body.Html)),
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

        return Summaries.Cut(string.Join(" · ", parts), SnippetSourceLength);
    }
}
