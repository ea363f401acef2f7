using System.Collections.Concurrent;
using System.Globalization;
using NewsSite.Diagnostics;
using NewsSite.Feeds;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Routing;
using NewsSite.Search;
using NewsSite.Seo;
using NewsSite.Templates;

namespace NewsSite.Pages;

/// <summary>Renders every page of the site (articles, home, lists, indexes, 404) and hands them to the writer.</summary>
internal sealed class SitePages(SiteModel site, ViewFactory views, HeadBuilder heads, PageRenderer renderer, TemplateSet templates, OutputWriter output, DiagnosticBag diagnostics)
{
    private const int HomeTopStories = 4;
    private const int HomeSectionStories = 4;

    private readonly SiteView _siteView = SiteViews.Create(site, views);
    private readonly FeedLinks _feeds = new(FeedCatalog.Create(site), views.Urls);
    private readonly ConcurrentBag<string> _indexable = [];

    /// <summary>The routes of the pages written so far that search engines may index (for the sitemap).</summary>
    public IReadOnlyCollection<string> IndexableRoutes => _indexable;

    public int WriteArticles()
    {
        var count = 0;
        Parallel.ForEach(site.Entries, entry =>
        {
            var article = views.Article(entry);
            var page = new PageView
            {
                Kind = "article",
                Title = entry.Article.Headline,
                Description = entry.Summary,
                Url = article.Url,
                Canonical = views.Urls.Absolute(entry.Route),
                Breadcrumb = Breadcrumb(entry),
                Feeds = _feeds.ForArticle(entry.Section?.Route),
                Noindex = entry.Article.Draft,
            };
            page = page with { Head = heads.ForArticle(page, entry, article) };
            if (Write("article.html", entry.Route, new PageModel { Site = _siteView, Page = page, Article = article }, new PageJob(entry.Route, entry.Article.SourcePath)))
            {
                Interlocked.Increment(ref count);
            }
        });
        return count;
    }

    public int WriteLists()
    {
        var written = 0;
        written += WriteHome();
        foreach (var section in site.Sections)
        {
            written += WriteList("section", views.Link(section), section.Entries, section.Route, $"The latest {section.Name} news from {site.Config.Title}.");
        }

        foreach (var tag in site.Tags)
        {
            written += WriteList("tag", views.Link(tag), tag.Entries, tag.Route, $"Articles about {tag.Name} from {site.Config.Title}.");
        }

        foreach (var author in site.Authors)
        {
            written += WriteList("author", views.Link(author), author.Entries, author.Route, $"Articles by {author.Name} for {site.Config.Title}.");
        }

        foreach (var archive in site.Archives)
        {
            var link = ArchiveLink(archive);
            IReadOnlyList<LinkView> parents = archive.Month == 0 ? [] : [ArchiveLink(site.Archives.First(a => a.Year == archive.Year && a.Month == 0))];
            written += WriteList("archive", link, archive.Entries, archive.Route, $"Articles published in {link.Name}.", parents);
        }

        written += WriteIndex("tags", "Topics", "/tags/", site.Tags.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Slug, StringComparer.Ordinal).Select(views.Link));
        written += WriteIndex("authors", "Authors", "/authors/", site.Authors.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Slug, StringComparer.Ordinal).Select(views.Link));
        written += WriteIndex("archives", "Archive", "/archive/", site.Archives.Select(ArchiveLink));
        written += WriteNotFound();
        written += WriteSearch();
        return written;
    }

    private int WriteHome()
    {
        var pagers = Pager.Paginate(site.Entries, site.Config.PageSize, "/");
        var written = 0;
        foreach (var pager in pagers)
        {
            HomeView? home = null;
            if (pager.PageNumber == 1)
            {
                var lead = site.Entries.Count > 0 ? views.Teaser(site.Entries[0]) : null;
                var top = views.Teasers(site.Entries.Skip(1).Take(HomeTopStories));
                var shown = site.Entries.Take(1 + HomeTopStories).ToHashSet(ReferenceEqualityComparer.Instance);
                var blocks = site.Sections
                    .Where(s => s.Entries.Count > 0)
                    .Select(s => new SectionBlockView(views.Link(s), views.Teasers(s.Entries.Where(e => !shown.Contains(e)).Take(HomeSectionStories))))
                    .Where(b => b.Articles.Count > 0)
                    .ToList();
                home = new HomeView(lead, top, blocks);
            }

            var title = pager.PageNumber == 1 ? site.Config.Title : $"Latest news, page {pager.PageNumber}";
            var page = ListPage("home", title, site.Config.Description, pager.Route, []);
            var model = new PageModel
            {
                Site = _siteView,
                Page = page,
                Home = home,
                Articles = views.Teasers(pager.Items),
                Pagination = views.Pagination(pager),
            };
            written += Write("home.html", pager.Route, model, new PageJob(pager.Route, null)) ? 1 : 0;
        }

        return written;
    }

    private LinkView ArchiveLink(Archive archive)
    {
        var name = archive.Month == 0
            ? archive.Year.ToString(CultureInfo.InvariantCulture)
            : new DateTime(archive.Year, archive.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return new LinkView(name, views.Urls.Link(archive.Route), archive.Entries.Count);
    }

    private int WriteList(string kind, LinkView term, IReadOnlyList<Entry> entries, string route, string description, IReadOnlyList<LinkView>? parents = null)
    {
        var written = 0;
        var template = templates.Contains($"{kind}.html") ? $"{kind}.html" : "list.html";
        foreach (var pager in Pager.Paginate(entries, site.Config.PageSize, route))
        {
            var title = pager.PageNumber == 1 ? term.Name : $"{term.Name}, page {pager.PageNumber}";
            List<LinkView> crumbs = [new("Home", views.Urls.Link("/")), .. parents ?? [], new(term.Name, term.Url)];
            var page = ListPage(kind, title, description, pager.Route, crumbs);
            var model = new PageModel
            {
                Site = _siteView,
                Page = page,
                Term = term,
                Articles = views.Teasers(pager.Items),
                Pagination = views.Pagination(pager),
            };
            written += Write(template, pager.Route, model, new PageJob(pager.Route, null)) ? 1 : 0;
        }

        return written;
    }

    private int WriteIndex(string kind, string title, string route, IEnumerable<LinkView> terms)
    {
        var template = templates.Contains($"{kind}.html") ? $"{kind}.html" : "terms.html";
        var crumbs = new List<LinkView> { new("Home", views.Urls.Link("/")), new(title, views.Urls.Link(route)) };
        var page = ListPage(kind, title, $"{title} of {site.Config.Title}.", route, crumbs);
        var model = new PageModel { Site = _siteView, Page = page, Terms = [.. terms] };
        return Write(template, route, model, new PageJob(route, null)) ? 1 : 0;
    }

    private int WriteNotFound()
    {
        var page = new PageView
        {
            Kind = "not_found",
            Title = "Page not found",
            Description = $"This page does not exist on {site.Config.Title}.",
            Url = views.Urls.Link("/404.html"),
            Canonical = views.Urls.Absolute("/404.html"),
            Feeds = _feeds.Site,
            Noindex = true,
        };
        page = page with { Head = heads.ForPage(page, null) };
        var model = new PageModel { Site = _siteView, Page = page, Articles = views.Teasers(site.Entries.Take(5)) };
        return Write("404.html", "/404.html", model, new PageJob("/404.html", null)) ? 1 : 0;
    }

    private int WriteSearch()
    {
        if (SearchScope.Of(site) is not { } scope)
        {
            return 0;
        }

        var route = SearchPage.Route;
        var page = ListPage("search", "Search", $"Search the articles of {site.Config.Title}.", route, [new("Home", views.Urls.Link("/")), new("Search", views.Urls.Link(route))]);
        page = page with { Noindex = true, Head = new RawHtml(page.Head.Value + SearchPage.Head(views.Urls)) };
        var search = new SearchView(views.Urls.Link("/" + SearchIndexWriter.MetaFile), [.. scope.Sections.Select(s => new SearchSectionView(s.Slug, s.Name))]);
        var model = new PageModel { Site = _siteView, Page = page, Search = search };
        return Write("search.html", route, model, new PageJob(route, null)) ? 1 : 0;
    }

    private PageView ListPage(string kind, string title, string description, string route, IReadOnlyList<LinkView> breadcrumb)
    {
        var page = new PageView
        {
            Kind = kind,
            Title = title,
            Description = description,
            Url = views.Urls.Link(route),
            Canonical = views.Urls.Absolute(route),
            Breadcrumb = breadcrumb,
            Feeds = _feeds.ForPage(route),
        };
        return page with { Head = heads.ForPage(page, null) };
    }

    private List<LinkView> Breadcrumb(Entry entry)
    {
        var crumbs = new List<LinkView> { new("Home", views.Urls.Link("/")) };
        if (entry.Section is { } section)
        {
            crumbs.Add(views.Link(section));
        }

        crumbs.Add(new LinkView(entry.Article.Headline, views.Urls.Link(entry.Route)));
        return crumbs;
    }

    private bool Write(string template, string route, PageModel model, PageJob job)
    {
        var (html, error) = renderer.Render(template, model, job.ToString());
        if (error is not null)
        {
            diagnostics.Add(error);
            return false;
        }

        var file = OutputPaths.ToRelativeFile(route);
        if (file is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsafePath, $"page {route} would be written outside the output folder", job.SourcePath is null ? null : SourceLocation.StartOf(job.SourcePath)));
            return false;
        }

        if (!output.TryWrite(file, html!))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"two pages would be written to {route}; change a slug, section or the permalink pattern", job.SourcePath is null ? null : SourceLocation.StartOf(job.SourcePath)));
            return false;
        }

        if (!model.Page.Noindex)
        {
            _indexable.Add(route);
        }

        return true;
    }
}
