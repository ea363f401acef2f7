using System.Collections.Concurrent;
using NewsSite.Caching;
using NewsSite.Configuration;
using NewsSite.Diagnostics;
using NewsSite.Markdown;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Templates;

namespace NewsSite.Search;

/// <summary>
/// The search stage of a build: the articles in scope, their text by field, the index files. An article's analysis
/// comes from the build cache, or from the body its page rendered (<see cref="Observe"/>), or, failing both, from
/// rendering its body once more when the index is written; the cache is asked only when the analysis is needed,
/// so the analyses of pages a rebuild kept are read while the index is built, beside the other stages.
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
    private static readonly CacheQuery<StoredAnalysis> Analyses = new("search-analysis");
    /// <summary>The kept term table's query (internal for the cache damage tests).</summary>
    internal static readonly CacheQuery<StoredTermTable> Tables = new("search-strings");

    private readonly Hash128 _context;
    private readonly StoredTermTable _kept;
    private readonly Dictionary<Guid, int> _keptCounts;
    private readonly TermTable _table;
    private readonly Guid _generation = Guid.NewGuid();
    private volatile bool _analysedAfresh;
    private readonly IBuildCache _cache;
    private readonly MarkdownRenderer _markdown;
    private readonly ArticleBodies _bodies;
    private readonly ConcurrentBag<ArticleAnalyzer> _analyzers = [];

    private SiteSearch(SiteModel site, SearchScope scope, ViewFactory views, MarkdownRenderer markdown, IBuildCache cache)
    {
        _scope = scope;
        _markdown = markdown;
        _bodies = views.Bodies;
        _cache = cache;
        var context = _context = SearchCacheKeys.Context(site.Config);
        (_kept, _table) = KeptTable(cache, context);
        _keptCounts = _kept.Counts();
        var sectionIndex = scope.Sections.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        _articles = new SearchArticle[scope.Entries.Count];
        _analysed = new ArticleAnalysis?[_articles.Length];
        Parallel.For(0, _articles.Length, i => _articles[i] = Article(scope.Entries[i], sectionIndex, views, context));
        _slots = new Dictionary<Entry, int>(scope.Entries.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < scope.Entries.Count; i++)
        {
            _slots[scope.Entries[i]] = i;
        }
    }

    /// <returns>Null when the site has search switched off (or nothing in its scope).</returns>
    public static SiteSearch? Begin(SiteModel site, ViewFactory views, MarkdownRenderer markdown, IBuildCache cache, DiagnosticBag diagnostics)
    {
        foreach (var slug in SearchScope.UnknownSections(site))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnknownConfigKey, $"search.sections names '{slug}', which is not a section of this site", SourceLocation.StartOf(SiteConfigReader.FileName)));
        }

        return SearchScope.Of(site) is { } scope ? new SiteSearch(site, scope, views, markdown, cache) : null;
    }

    /// <summary>Takes an article's analysis from the cache or from the body its page just rendered. Thread-safe.</summary>
    public void Observe(Entry entry, RenderedBody body)
    {
        if (_slots.TryGetValue(entry, out var slot) && _analysed[slot] is null)
        {
            var analyzer = _analyzers.TryTake(out var free) ? free : new ArticleAnalyzer(_table);
            _analysed[slot] = Analysis(slot, analyzer, () => Text(entry, body, _markdown, _bodies));
            _analyzers.Add(analyzer);
        }
    }

    /// <summary>Gives the articles still without one their analysis (in parallel, each into its own slot), then writes the index.</summary>
    /// <param name="memory">Between building the index and writing it, a large site's heap is compacted.</param>
    /// <returns>The number of files written.</returns>
    public int Write(OutputWriter output, StageMemory memory)
    {
        Parallel.ForEach(
            Enumerable.Range(0, _articles.Length).Where(i => _analysed[i] is null).ToList(),
            () => new ArticleAnalyzer(_table),
            (i, _, analyzer) =>
            {
                _analysed[i] = Analysis(i, analyzer, _articles[i].Text);
                return analyzer;
            },
            _ => { });

        // The builder lets each analysis go once it is indexed: the index holds all it needs. The pair files are
        // written while the terms are still being indexed.
        PairFiles? pairFiles = null;
        var index = SearchIndexBuilder.Build(
            _articles, _analysed, _table, [.. _scope.Sections.Select(s => (s.Slug, s.Name))], _cache, pairs => pairFiles = SearchIndexWriter.WritePairs(pairs, output));
        if (_analysedAfresh)
        {
            _cache.Put(Tables, _context, _kept.Next(_table.ToArray(), _generation, index.Terms.Count + index.Words.Count));
        }

        memory.StageEnded();
        return SearchIndexWriter.Write(index, pairFiles!, output);
    }

    /// <summary>The analysis the cache kept for the article, or a new one of its text, which the cache then keeps.</summary>
    private ArticleAnalysis Analysis(int slot, ArticleAnalyzer analyzer, Func<SearchText> text)
    {
        var key = _articles[slot].Key;
        try
        {
            if (_cache.TryGet(Analyses, key, out var stored) && _keptCounts.TryGetValue(stored.Generation, out var strings))
            {
                return stored.ToAnalysis(strings, analyzer.Held);
            }
        }
        catch (InvalidDataException)
        {
        }

        var analysis = analyzer.Analyse(text());
        _analysedAfresh = true;
        _cache.Put(Analyses, key, StoredAnalysis.From(analysis, _generation));
        return analysis;
    }

    /// <summary>The table the last build kept, and this build's, which numbers its strings first; a damaged one is not used.</summary>
    private static (StoredTermTable Kept, TermTable Table) KeptTable(IBuildCache cache, Hash128 context)
    {
        try
        {
            if (cache.TryGet(Tables, context, out var kept) && kept is { Strings: not null, Generations: not null, Ends: not null })
            {
                return (kept, new TermTable(kept.Strings));
            }
        }
        catch (InvalidDataException)
        {
        }

        return (StoredTermTable.Empty, new TermTable());
    }

    private SearchArticle Article(Entry entry, Dictionary<Section, int> sectionIndex, ViewFactory views, Hash128 context)
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
            SearchCacheKeys.Of(entry, views.Bodies.SummaryOf(article), context),
            () => Text(entry, _bodies.Render(article), _markdown, _bodies));
    }

    /// <summary>Everything indexed of an article, by field; called only for articles the cache does not have.</summary>
    private static SearchText Text(Entry entry, RenderedBody body, MarkdownRenderer markdown, ArticleBodies bodies)
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
        return new SearchText(fields, Snippet(article.Dek, bodies.SummaryOf(article), keyPoints));
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
