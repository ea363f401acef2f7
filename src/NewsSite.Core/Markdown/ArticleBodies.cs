using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsSite.Diagnostics;
using NewsSite.Model;
using NewsSite.Output;

namespace NewsSite.Markdown;

/// <summary>
/// The body stage: each article's summary and the problems its body and inline snippets have (unsafe links,
/// removed markup, bodies too complex to render). Both come from rendering the Markdown, so they are kept between
/// builds, keyed by the article's bytes and the configuration: an incremental build renders only changed bodies
/// and still reports every article's problems.
/// </summary>
/// <remarks>
/// Bodies are not kept in memory. An article whose front matter has a summary is checked when its page renders
/// its body (<see cref="Observe"/>); only one without a summary is rendered up front, because every list that
/// shows it needs the summary cut from its first paragraph before any page is written.
/// </remarks>
internal sealed class ArticleBodies(MarkdownRenderer markdown, string configKey, OutputWriter output, DiagnosticBag diagnostics)
{
    /// <summary>
    /// What an article with a summary in its front matter and nothing wrong in its body keeps: most articles.
    /// Such a result is recognised by its text rather than parsed, 10,000 times a rebuild.
    /// </summary>
    private static readonly string NothingFound = JsonSerializer.Serialize(BodyResult.Nothing, BodyJson.Default.BodyResult);

    private readonly ConcurrentDictionary<Entry, string> _pending = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, string> _derived = new(StringComparer.Ordinal);

    /// <summary>Gives every entry its summary; the checks of bodies rendered later wait for <see cref="Observe"/>.</summary>
    public void Prepare(SiteModel site) => Parallel.ForEach(site.Entries, entry =>
    {
        var key = "body:" + entry.Article.SourceHash + ":" + configKey;
        if (output.PreviousDerived.TryGetValue(key, out var cached) && Deserialize(cached) is { } known)
        {
            Apply(entry, key, known, cached);
        }
        else if (entry.Article.Summary is { } summary)
        {
            entry.Summary = summary;
            _pending[entry] = key;
        }
        else
        {
            Apply(entry, key, Analyse(entry, entry.RenderBody()), json: null);
        }
    });

    /// <summary>Takes the checks from a body the page writer rendered anyway. Thread-safe.</summary>
    public void Observe(Entry entry, RenderedBody body)
    {
        if (_pending.TryRemove(entry, out var key))
        {
            Apply(entry, key, Analyse(entry, body), json: null);
        }
    }

    /// <summary>Checks the bodies no page rendered (pages an incremental build kept), then records every result.</summary>
    public void Finish()
    {
        Parallel.ForEach(_pending.ToArray(), pair => Apply(pair.Key, pair.Value, Analyse(pair.Key, pair.Key.RenderBody()), json: null));
        _pending.Clear();
        foreach (var (key, value) in _derived)
        {
            output.Derived[key] = value;
        }
    }

    private void Apply(Entry entry, string key, BodyResult result, string? json)
    {
        entry.Summary = entry.Article.Summary ?? result.Summary;
        diagnostics.AddRange(result.Diagnostics.Select(d => d.ToDiagnostic()));
        _derived[key] = json ?? JsonSerializer.Serialize(result, BodyJson.Default.BodyResult);
    }

    private BodyResult Analyse(Entry entry, RenderedBody body)
    {
        var article = entry.Article;
        var problems = new List<Diagnostic>(body.Diagnostics);
        foreach (var (text, location) in article.KeyPoints.Select(k => (k.Text, k.Location)).Concat(article.Corrections.Select(c => (c.Text, c.Location))))
        {
            problems.AddRange(markdown.CheckInline(text, location ?? SourceLocation.StartOf(article.SourcePath)));
        }

        // The key covers the file's bytes, so a summary written in the front matter is there whenever this result
        // is used: the one cut from the body is kept only for articles without one.
        var summary = article.Summary is null ? Summaries.Cut(body.FirstParagraph) : "";
        return new BodyResult(summary, [.. problems.Select(StoredDiagnostic.From)]);
    }

    private static BodyResult? Deserialize(string json)
    {
        if (json == NothingFound)
        {
            return BodyResult.Nothing;
        }

        try
        {
            return JsonSerializer.Deserialize(json, BodyJson.Default.BodyResult);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed record BodyResult(string Summary, IReadOnlyList<StoredDiagnostic> Diagnostics)
{
    public static BodyResult Nothing { get; } = new("", []);
}

[JsonSerializable(typeof(BodyResult))]
internal sealed partial class BodyJson : JsonSerializerContext;
