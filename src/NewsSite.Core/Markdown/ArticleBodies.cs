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
internal sealed class ArticleBodies(MarkdownRenderer markdown, string configKey, OutputWriter output)
{
    public void Prepare(SiteModel site, DiagnosticBag diagnostics)
    {
        var derived = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(site.Entries, entry =>
        {
            var key = "body:" + entry.Article.SourceHash + ":" + configKey;
            var known = output.PreviousDerived.TryGetValue(key, out var cached) ? Deserialize(cached) : null;
            var result = known ?? Analyse(entry);
            entry.Summary = entry.Article.Summary ?? result.Summary;
            diagnostics.AddRange(result.Diagnostics.Select(d => d.ToDiagnostic()));
            derived[key] = known is null ? JsonSerializer.Serialize(result, BodyJson.Default.BodyResult) : cached!;
        });

        foreach (var (key, value) in derived)
        {
            output.Derived[key] = value;
        }
    }

    private BodyResult Analyse(Entry entry)
    {
        var article = entry.Article;
        var body = entry.Body!;
        var problems = new List<Diagnostic>(body.Diagnostics);
        foreach (var (text, location) in article.KeyPoints.Select(k => (k.Text, k.Location)).Concat(article.Corrections.Select(c => (c.Text, c.Location))))
        {
            problems.AddRange(markdown.CheckInline(text, location ?? SourceLocation.StartOf(article.SourcePath)));
        }

        return new BodyResult(Summaries.Cut(body.FirstParagraph), [.. problems.Select(StoredDiagnostic.From)]);
    }

    private static BodyResult? Deserialize(string json)
    {
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

internal sealed record BodyResult(string Summary, IReadOnlyList<StoredDiagnostic> Diagnostics);

internal sealed record StoredDiagnostic(Severity Severity, string Code, string Message, string? Path, int Line, int Column)
{
    public static StoredDiagnostic From(Diagnostic d) =>
        new(d.Severity, d.Code, d.Message, d.Location?.Path, d.Location?.Line ?? 0, d.Location?.Column ?? 0);

    public Diagnostic ToDiagnostic() => new(Severity, Code, Message, Path is null ? null : new SourceLocation(Path, Line, Column));
}

[JsonSerializable(typeof(BodyResult))]
internal sealed partial class BodyJson : JsonSerializerContext;
