using NewsSite.Caching;
using NewsSite.Configuration;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.FrontMatter;
using NewsSite.Model;
using NewsSite.Routing;

namespace NewsSite.Schedule;

/// <summary>
/// What the publishing schedule holds: reads the site as a build does (configuration, then every article) and lists
/// the moments after "now" at which an article goes live or expires, without rendering or writing anything.
/// </summary>
public static class PublishingSchedule
{
    public static ScheduleResult Read(ScheduleOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var source = Path.GetFullPath(options.SourceRoot);
        var config = SiteConfigReader.Read(source, diagnostics);
        if (config is null)
        {
            return new ScheduleResult { Diagnostics = diagnostics.ToSortedList(), TimeZone = null, Now = options.Clock.GetUtcNow() };
        }

        var files = ContentSource.Discover(source, diagnostics);
        var reader = new ArticleReader(config.TimeZone, ArticleLimits.Default);
        var articles = new ArticleLoader(reader, ArticleLimits.Default, config.TimeZone.Id).Load(files, diagnostics, BuildCache.None, DateTime.MinValue).Articles;

        // The same rules as a build without --drafts or --future, so the first entry is the build's "next change".
        var now = config.TimeZone.InZone(options.Clock.GetUtcNow());
        var urls = new SiteUrls(config.BaseUrl);
        var entries = new PublishingRules(now).Upcoming(articles)
            .Select(change => new ScheduleEntry(change.Kind, change.At, change.Article.SourcePath, change.Article.Headline, urls.Absolute(Route(config, change.Article))))
            .ToList();

        return new ScheduleResult
        {
            Diagnostics = diagnostics.ToSortedList(),
            TimeZone = config.TimeZone,
            Now = now,
            Entries = entries,
        };
    }

    /// <summary>The article's route, as <see cref="SiteModelBuilder"/> gives it.</summary>
    private static string Route(SiteConfig config, Article article) =>
        config.Permalink.Expand(article.Section is null ? "" : Slugifier.Slugify(article.Section), article.Date, article.Slug);
}
