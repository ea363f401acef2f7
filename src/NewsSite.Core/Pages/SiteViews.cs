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
        IReadOnlyList<LinkView> footer = config.FooterMenu.Count > 0
            ? [.. config.FooterMenu.Select(m => new LinkView(m.Name, m.Url.StartsWith('/') ? views.Urls.Link(m.Url) : m.Url))]
            : [new("Topics", views.Urls.Link("/tags/")), new("Authors", views.Urls.Link("/authors/")), new("Archive", views.Urls.Link("/archive/")), new("RSS feed", views.Urls.Link("/index.xml"))];
        var ads = config.Ads;

        // A slot without an ad tag would be an empty box the size of an ad: no code, no slot.
        var slots = ads.Enabled && !string.IsNullOrWhiteSpace(ads.Html);
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
            new AdsView(slots, slots && ads.AfterParagraph > 0, slots && ads.Sidebar, slots && ads.Home, ads.Label, new RawHtml(ads.Html)),
            views.Urls.Link(stylesheet),
            site.Now.Year.ToString(CultureInfo.InvariantCulture))
        {
            SearchUrl = config.Search.Enabled ? views.Urls.Link(SearchPage.Route) : null,
            FooterMenu = footer,
        };
    }
}
