using NewsSite.Configuration;
using NewsSite.Model;

namespace NewsSite.Search;

/// <summary>
/// What a site makes searchable: every published article, or those of the sections named in
/// <c>search.sections</c>. Entries run oldest first, so an article's id stays put when newer ones are added.
/// </summary>
internal sealed record SearchScope(IReadOnlyList<Entry> Entries, IReadOnlyList<Section> Sections)
{
    public static SearchScope? Of(SiteModel site)
    {
        var config = site.Config.Search;
        if (!config.Enabled)
        {
            return null;
        }

        var wanted = config.Sections.Count == 0 ? null : config.Sections.ToHashSet(StringComparer.Ordinal);
        var sections = site.Sections.Where(s => s.Entries.Count > 0 && (wanted is null || wanted.Contains(s.Slug))).ToList();
        var entries = site.Entries
            .Where(e => wanted is null || (e.Section is { } section && wanted.Contains(section.Slug)))
            .Reverse()
            .ToList();
        return new SearchScope(entries, sections);
    }

    /// <summary>Section slugs in <c>search.sections</c> that name no section of the site.</summary>
    public static IEnumerable<string> UnknownSections(SiteModel site) =>
        site.Config.Search.Sections.Where(slug => !site.Sections.Any(s => string.Equals(s.Slug, slug, StringComparison.Ordinal)));
}
