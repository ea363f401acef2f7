using NewsSite.Caching;
using NewsSite.Configuration;
using NewsSite.Model;

namespace NewsSite.Search;

/// <summary>
/// What an article's analysis is kept under in the build cache: everything of the article that its analysis and
/// snippet read, and everything else they depend on (the Markdown settings, the ads' place in the body).
/// </summary>
internal static class SearchCacheKeys
{
    /// <summary>Raise when the analysis changes in a way the tool's identity would not show.</summary>
    private const int AnalysisVersion = 3;

    public static Hash128 Context(SiteConfig config) => new ContentHash.Builder()
        .Add(AnalysisVersion)
        .Add(config.Markdown.ToString())
        .Add(config.Ads.Enabled ? config.Ads.AfterParagraph : 0)
        .Finish();

    /// <param name="summary">The summary the body stage gave the article.</param>
    public static Hash128 Of(Entry entry, string summary, Hash128 context)
    {
        var article = entry.Article;
        var key = new ContentHash.Builder()
            .Add(context)
            .Add(article.Headline)
            .Add(article.HeldKeyPoints is { } points ? points.Packed : default)
            .Add(article.Tags)
            .Add(article.Dek)
            .Add(article.Authors)
            .Add(article.Summary)
            .Add(entry.Section?.Name)
            .Add(article.Dateline)
            .Add(summary);

        // An article read from a file is keyed by the file's hash, which covers the body without reading it back.
        return (article.SourceHash == default ? key.Add(article.Body) : key.Add(article.SourceHash)).Finish();
    }
}
