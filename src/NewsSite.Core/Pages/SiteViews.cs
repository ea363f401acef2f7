using System.Globalization;
using NewsSite.Model;
using NewsSite.Search;
using NewsSite.Templates;

namespace NewsSite.Pages;

/// <summary>The <c>site</c> object every template receives.</summary>
internal static class SiteViews
{
    public static SiteView Create(SiteModel site, ViewFactory views, string stylesheet)
    {
        var config = site.Config;
        var sections = site.Sections.Where(s => s.Entries.Count > 0).Select(views.Ref).ToList();
        IReadOnlyList<LinkView> menu = config.Menu.Count > 0
            ? [.. config.Menu.Select(m => new LinkView(m.Name, m.Url.StartsWith('/') ? views.Urls.Link(m.Url) : m.Url))]
            : sections;
        var ads = config.Ads;
        return new SiteView(
            config.Title,
            config.Description,
            config.BaseUrl.AbsoluteUri,
            views.Urls.Link("/"),
            config.Language,
            menu,
            sections,
            config.Publisher?.Name,
            config.Publisher?.Logo is { } logo ? views.Urls.Link(logo) : null,
            new AdsView(ads.Enabled, ads.Enabled && ads.AfterParagraph > 0, ads.Enabled && ads.Sidebar, ads.Enabled && ads.Home, ads.Label, new RawHtml(ads.Html)),
            views.Urls.Link(stylesheet),
            site.Now.Year.ToString(CultureInfo.InvariantCulture))
        {
            SearchUrl = config.Search.Enabled ? views.Urls.Link(SearchPage.Route) : null,
        };
    }
}
