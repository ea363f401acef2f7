using NewsSite.Model;
using NewsSite.Sitemaps;
using NewsSite.Time;

namespace NewsSite.Schedule;

/// <summary>
/// Until when a site built now stays what a build of the same files would write: a clock, not an edit, changes it
/// when a scheduled article goes live or expires, when an article enters or leaves the news sitemap's window, when
/// the year in the footer turns.
/// </summary>
internal static class OutputLifetime
{
    /// <returns>The first such moment after the build's "now"; null when there is none.</returns>
    public static DateTimeOffset? End(SiteModel site)
    {
        DateTimeOffset?[] moments =
        [
            site.NextChange,
            NewsSitemapWriter.NextChange(site.Entries, site.Now),
            site.Config.TimeZone.StartOfNextYear(site.Now),
            SiteTimeZone.Utc.StartOfNextYear(site.Now),
        ];
        return moments.Where(m => m is not null).Min();
    }
}
