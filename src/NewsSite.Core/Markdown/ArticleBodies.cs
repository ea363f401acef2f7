using System.Collections.Concurrent;
using MemoryPack;
using NewsSite.Caching;
using NewsSite.Diagnostics;
using NewsSite.FrontMatter;

namespace NewsSite.Markdown;

/// <summary>
/// The body stage: renders articles' bodies, and gives each article its summary and the problems its body and
/// inline snippets have (unsafe links, removed markup, bodies too complex to render). Both come from rendering the
/// Markdown, so the build cache keeps them, keyed by the article's bytes and the settings: an incremental build
/// renders only changed bodies and still reports every article's problems.
/// </summary>
/// <remarks>
/// Bodies are not kept in memory: each <see cref="Render"/> renders anew, and the page, the checks and search take
/// what they need from one render. An article whose front matter has a summary is checked when its page renders
/// its body (<see cref="Observe"/>); one without is rendered up front (<see cref="Prepare"/>), because every list
/// that shows it needs the summary cut from its first paragraph before any page is written.
/// </remarks>
/// <param name="settings">Everything besides the article that rendering depends on (site.yaml, the options).</param>
/// <param name="afterRender">What every rendered body goes through before it is used (pictures put in place of images).</param>
internal sealed class ArticleBodies(
    MarkdownRenderer markdown, int adAfterParagraph, Hash128 settings, IBuildCache cache, DiagnosticBag diagnostics, Func<RenderedBody, string, RenderedBody>? afterRender = null)
{
    private static readonly CacheQuery<BodyResult> Results = new("body");

    private Dictionary<Article, string> _summaries = new(ReferenceEqualityComparer.Instance);
    private ConcurrentDictionary<Article, byte> _pending = new(ReferenceEqualityComparer.Instance);

    public RenderedBody Render(Article article)
    {
        var body = markdown.RenderBody(article.Body, article.Dateline, adAfterParagraph, new SourceLocation(article.SourcePath, article.BodyLine, 1));
        return afterRender is null ? body : afterRender(body, article.SourcePath);
    }

    /// <summary>The front-matter summary, or the body's first paragraph cut at a word boundary.</summary>
    public string SummaryOf(Article article) => _summaries.TryGetValue(article, out var summary) ? summary : article.Summary ?? "";

    /// <summary>Gives every article its summary; the checks of bodies rendered later wait for <see cref="Observe"/>.</summary>
    public void Prepare(IReadOnlyList<Article> articles)
    {
        // Each article's summary goes into its own slot; the lookups are made once every one is known.
        var summaries = new string[articles.Count];
        var pending = new bool[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            var article = articles[i];
            if (cache.TryGet(Results, KeyOf(article), out var known))
            {
                summaries[i] = Apply(article, known, put: false);
            }
            else if (article.Summary is { } summary)
            {
                (summaries[i], pending[i]) = (summary, true);
            }
            else
            {
                summaries[i] = Apply(article, Analyse(article, Render(article)), put: true);
            }
        });

        _summaries = new Dictionary<Article, string>(articles.Count, ReferenceEqualityComparer.Instance);
        _pending = new ConcurrentDictionary<Article, byte>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < articles.Count; i++)
        {
            _summaries[articles[i]] = summaries[i];
            if (pending[i])
            {
                _pending[articles[i]] = 0;
            }
        }
    }

    /// <summary>Takes the checks from a body the page writer rendered anyway. Thread-safe.</summary>
    public void Observe(Article article, RenderedBody body)
    {
        if (_pending.TryRemove(article, out _))
        {
            Apply(article, Analyse(article, body), put: true);
        }
    }

    /// <summary>Checks the bodies no page rendered (pages an incremental build kept).</summary>
    public void Finish()
    {
        Parallel.ForEach(_pending.Keys.ToArray(), article => Apply(article, Analyse(article, Render(article)), put: true));
        _pending.Clear();
    }

    /// <returns>The article's summary.</returns>
    private string Apply(Article article, BodyResult result, bool put)
    {
        if (result.Diagnostics.Count > 0)
        {
            diagnostics.AddRange(result.Diagnostics);
        }

        if (put)
        {
            cache.Put(Results, KeyOf(article), result);
        }

        return article.Summary ?? result.Summary;
    }

    /// <summary>The file's bytes cover the whole article; one made in memory (tests) is keyed by its body.</summary>
    private Hash128 KeyOf(Article article) => new ContentHash.Builder()
        .Add(settings)
        .Add(article.SourcePath)
        .Add(article.SourceHash == default ? ContentHash.Of(article.Body + "\n" + article.Dateline + "\n" + article.Summary) : article.SourceHash)
        .Finish();

    private BodyResult Analyse(Article article, RenderedBody body)
    {
        var problems = new List<Diagnostic>(body.Diagnostics);
        foreach (var (text, location) in article.KeyPoints.Select(k => (k.Text, k.Location)).Concat(article.Corrections.Select(c => (c.Text, c.Location))))
        {
            problems.AddRange(markdown.CheckInline(text, location ?? SourceLocation.StartOf(article.SourcePath)));
        }

        // The key covers the file's bytes, so a summary written in the front matter is there whenever this result
        // is used: the one cut from the body is kept only for articles without one.
        var summary = article.Summary is null ? Summaries.Cut(body.FirstParagraph) : "";
        return new BodyResult(summary, problems);
    }
}

[MemoryPackable]
internal sealed partial record BodyResult(string Summary, IReadOnlyList<Diagnostic> Diagnostics);
