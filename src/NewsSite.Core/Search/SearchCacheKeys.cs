using NewsSite.Configuration;
using NewsSite.Model;
using NewsSite.Output;

namespace NewsSite.Search;

/// <summary>
/// What the analysis cache is keyed by. <see cref="Of"/>: per article, everything of it that its analysis and
/// snippet read. <see cref="Context"/>: per build, everything else they depend on (this build of the generator,
/// which holds the analyser and the Markdown renderer, and the Markdown settings); a cache made in another
/// context is not used at all.
/// </summary>
internal static class SearchCacheKeys
{
    /// <summary>Raise when the analysis changes in a way the generator's own identity would not show.</summary>
    private const int AnalysisVersion = 1;

    public static Hash128 Context(SiteConfig config) => new ContentHash.Builder()
        .Add(AnalysisVersion)
        .Add(typeof(SearchCacheKeys).Assembly.ManifestModule.ModuleVersionId.ToString("N"))
        .Add(typeof(Markdig.Markdown).Assembly.FullName)
        .Add(config.Markdown.ToString())
        .Add(config.Ads.Enabled ? config.Ads.AfterParagraph : 0)
        .FinishKey();

    /// <remarks>
    /// The article's own fields, not its file: the body is rendered from <see cref="Article.Body"/> and
    /// <see cref="Article.Dateline"/>. A content hash of the article file (plus the section name and the summary,
    /// which come from elsewhere) would do as well and be cheaper.
    /// </remarks>
    public static Hash128 Of(Entry entry)
    {
        var article = entry.Article;
        return new ContentHash.Builder()
            .Add(article.Headline)
            .Add(article.HeldKeyPoints is { } points ? points.Bytes : default)
            .Add(article.Tags)
            .Add(article.Dek)
            .Add(article.Authors)
            .Add(article.Summary)
            .Add(entry.Section?.Name)
            .Add(article.Dateline)
            // An article read from a file is keyed by the file's hash, which covers the body without reading it back.
            .Add(article.SourceHash.Length > 0 ? article.SourceHash : article.Body)
            .Add(entry.Summary)
            .FinishKey();
    }
}
