using System.Collections.Concurrent;
using System.Globalization;
using NewsSite.Diagnostics;
using NewsSite.Feeds;
using NewsSite.Markdown;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Routing;
using NewsSite.Search;
using NewsSite.Seo;
using NewsSite.Templates;

namespace NewsSite.Pages;

/// <summary>Renders every page of the site (articles, home, lists, indexes, 404) and hands them to the writer.</summary>
internal sealed class SitePages(SiteModel site, ViewFactory views, HeadBuilder heads, PageRenderer renderer, TemplateSet templates, OutputWriter output, DiagnosticBag diagnostics, Caching.Hash128 globalKey, Assets.ThemeAssets themeAssets)
{
    private const int HomeTopStories = 4;
    private const int HomeSectionStories = 4;

    private readonly SiteView _siteView = SiteViews.Create(site, views, themeAssets.Route("assets/style.css"));
    private readonly FeedLinks _feeds = new(FeedCatalog.Create(site), views.Urls);
    private readonly ConcurrentBag<string> _indexable = [];
    private readonly PageFingerprints _fingerprints = new(globalKey, SiteViews.Create(site, views, themeAssets.Route("assets/style.css")), views);
    private int _rendered;

    /// <summary>Pages rendered by this build; the others were unchanged and kept from the previous output.</summary>
    public int Rendered => _rendered;

    /// <summary>The routes of the pages written so far that search engines may index (for the sitemap).</summary>
    public IReadOnlyCollection<string> IndexableRoutes => _indexable;

    /// <param name="afterRender">
    /// Called with each article whose page was rendered, and the body rendered for it, once the page is written:
    /// the body checks and search take what they need from that one render.
    /// </param>
    public int WriteArticles(Action<Entry, RenderedBody>? afterRender = null)
    {
        var count = 0;
        Parallel.ForEach(site.Entries, entry =>
        {
            var feeds = _feeds.ForArticle(entry.Section?.Route);
            var fingerprint = _fingerprints.Article(entry, feeds);
            RenderedBody? body = null;
            var written = Write("article.html", entry.Route, fingerprint, entry.Article.Draft, () =>
            {
                body = views.Bodies.Render(entry.Article);
                var article = views.Article(entry, body);
                var page = new PageView
                {
                    Kind = "article",
                    Title = entry.Article.Headline,
                    Description = views.Summary(entry),
                    Url = article.Url,
                    Canonical = views.Urls.Absolute(entry.Route),
                    Breadcrumb = Breadcrumb(entry),
                    Feeds = feeds,
                    Noindex = entry.Article.Draft,
                };
                page = page with { Head = heads.ForArticle(page, entry, article) };
                return new PageModel { Site = _siteView, Page = page, Article = article };
            }, new PageJob(entry.Route, entry.Article.SourcePath), out var rendered);
            if (written)
            {
                Interlocked.Increment(ref count);
            }

            if (rendered && body is not null)
            {
                afterRender?.Invoke(entry, body);
            }
        });
        return count;
    }

    /// <summary>
    /// Home, section, tag, author and archive lists, the indexes, 404 and search: rendered in parallel, one job
    /// per page, so a long list (the home page's hundreds of pages) never leaves a core idle at the end.
    /// </summary>
    public int WriteLists()
    {
        var jobs = new List<Func<int>>(HomeJobs());
        foreach (var section in site.Sections)
        {
            jobs.AddRange(ListJobs("section", views.Link(section), section.Entries, section.Route, $"The latest {section.Name} news from {site.Config.Title}."));
        }

        foreach (var tag in site.Tags)
        {
            jobs.AddRange(ListJobs("tag", views.Link(tag), tag.Entries, tag.Route, $"Articles about {tag.Name} from {site.Config.Title}."));
        }

        foreach (var author in site.Authors)
        {
            var profile = views.Author(author);
            jobs.AddRange(ListJobs("author", views.Link(author), author.Entries, author.Route, (profile.Bio is { } bio ? Summaries.Cut(bio) : null) ?? $"Articles by {author.Name} for {site.Config.Title}.", author: profile));
        }

        foreach (var archive in site.Archives)
        {
            var link = ArchiveLink(archive);
            IReadOnlyList<LinkView> parents = archive.Month == 0 ? [] : [ArchiveLink(site.Archives.First(a => a.Year == archive.Year && a.Month == 0))];
            jobs.AddRange(ListJobs("archive", link, archive.Entries, archive.Route, $"Articles published in {link.Name}.", parents));
        }

        jobs.Add(() => WriteIndex("tags", "Topics", "/tags/", site.Tags.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Slug, StringComparer.Ordinal).Select(views.Link)));
        jobs.Add(() => WriteIndex("authors", "Authors", "/authors/", site.Authors.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Slug, StringComparer.Ordinal).Select(views.Link)));
        jobs.Add(() => WriteIndex("archives", "Archive", "/archive/", site.Archives.Select(ArchiveLink)));
        jobs.Add(WriteNotFound);
        jobs.Add(WriteSearch);

        var written = 0;
        Parallel.ForEach(jobs, job => Interlocked.Add(ref written, job()));
        return written;
    }

    private IEnumerable<Func<int>> HomeJobs() =>
        Pager.Paginate(site.Entries, site.Config.PageSize, "/").Select(pager => (Func<int>)(() => WriteHome(pager)));

    private int WriteHome(Pager<Entry> pager)
    {
        // Page 1 leads with the newest stories, then a block per section of the stories not shown above.
        var lead = pager.PageNumber == 1 ? site.Entries.Take(1).ToList() : [];
        var top = pager.PageNumber == 1 ? site.Entries.Skip(1).Take(HomeTopStories).ToList() : [];
        var shown = lead.Concat(top).ToHashSet(ReferenceEqualityComparer.Instance);
        var blocks = pager.PageNumber != 1 ? [] : site.Sections
            .Where(s => s.Entries.Count > 0)
            .Select(s => (Section: s, Entries: s.Entries.Where(e => !shown.Contains(e)).Take(HomeSectionStories).ToList()))
            .Where(b => b.Entries.Count > 0)
            .ToList();

        var title = pager.PageNumber == 1 ? site.Config.Title : $"Latest news, page {pager.PageNumber}";
        var page = ListPage("home", title, HomeDescription(), pager.Route, []);
        var structure = string.Join('\n', blocks.Select(b => $"{b.Section.Name}\t{b.Section.Route}\t{b.Entries.Count}"));
        var fingerprint = _fingerprints.List("home.html", page, null, pager, [.. lead, .. top, .. blocks.SelectMany(b => b.Entries), .. pager.Items], structure);
        return Write("home.html", pager.Route, fingerprint, false, () => new PageModel
        {
            Site = _siteView,
            Page = WithHead(page),
            Home = pager.PageNumber != 1 ? null : new HomeView(
                lead.Count > 0 ? views.Teaser(lead[0]) : null,
                views.Teasers(top),
                [.. blocks.Select(b => new SectionBlockView(views.Ref(b.Section), views.Teasers(b.Entries)))]),
            Articles = views.Teasers(pager.Items),
            Pagination = views.Pagination(pager),
        }, new PageJob(pager.Route, null), out _) ? 1 : 0;
    }

    /// <summary>The site's description; without one, a sentence naming the site and its sections, as search engines want one.</summary>
    private string HomeDescription()
    {
        if (site.Config.Description.Length > 0)
        {
            return site.Config.Description;
        }

        var sections = site.Sections.Where(s => s.Entries.Count > 0).Select(s => s.Name).ToList();
        return sections.Count switch
        {
            0 => $"The latest news from {site.Config.Title}.",
            1 => $"The latest {sections[0]} news from {site.Config.Title}.",
            _ => $"The latest news from {site.Config.Title}: {string.Join(", ", sections[..^1])} and {sections[^1]}.",
        };
    }

    private LinkView ArchiveLink(Archive archive)
    {
        var name = archive.Month == 0
            ? archive.Year.ToString(CultureInfo.InvariantCulture)
            : new DateTime(archive.Year, archive.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return new LinkView(name, views.Urls.Link(archive.Route), archive.Entries.Count);
    }

    private IEnumerable<Func<int>> ListJobs(string kind, LinkView term, IReadOnlyList<Entry> entries, string route, string description, IReadOnlyList<LinkView>? parents = null, AuthorView? author = null) =>
        Pager.Paginate(entries, site.Config.PageSize, route).Select(pager => (Func<int>)(() => WriteList(kind, term, pager, description, parents, author)));

    private int WriteList(string kind, LinkView term, Pager<Entry> pager, string description, IReadOnlyList<LinkView>? parents, AuthorView? author)
    {
        var template = templates.Contains($"{kind}.html") ? $"{kind}.html" : "list.html";
        var title = pager.PageNumber == 1 ? term.Name : $"{term.Name}, page {pager.PageNumber}";
        List<LinkView> crumbs = [new("Home", views.Urls.Link("/")), .. parents ?? [], new(term.Name, term.Url)];
        var page = ListPage(kind, title, description, pager.Route, crumbs);
        var fingerprint = _fingerprints.List(template, page, term, pager, pager.Items);
        return Write(template, pager.Route, fingerprint, false, () => new PageModel
        {
            Site = _siteView,
            Page = WithHead(page),
            Term = term,
            Author = author,
            Articles = views.Teasers(pager.Items),
            Pagination = views.Pagination(pager),
        }, new PageJob(pager.Route, null), out _) ? 1 : 0;
    }

    private int WriteIndex(string kind, string title, string route, IEnumerable<LinkView> terms)
    {
        var template = templates.Contains($"{kind}.html") ? $"{kind}.html" : "terms.html";
        var crumbs = new List<LinkView> { new("Home", views.Urls.Link("/")), new(title, views.Urls.Link(route)) };
        var page = ListPage(kind, title, $"{title} of {site.Config.Title}.", route, crumbs);
        IReadOnlyList<LinkView> all = [.. terms];
        var fingerprint = _fingerprints.Terms(template, page, all);
        return Write(template, route, fingerprint, false, () => new PageModel { Site = _siteView, Page = WithHead(page), Terms = all }, new PageJob(route, null), out _) ? 1 : 0;
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
        var latest = site.Entries.Take(5).ToList();
        var fingerprint = _fingerprints.List("404.html", page, null, null, latest);
        return Write("404.html", "/404.html", fingerprint, true, () => new PageModel { Site = _siteView, Page = page, Articles = views.Teasers(latest) }, new PageJob("/404.html", null), out _) ? 1 : 0;
    }

    private int WriteSearch()
    {
        if (SearchScope.Of(site) is not { } scope)
        {
            return 0;
        }

        var route = SearchPage.Route;
        var page = WithHead(ListPage("search", "Search", $"Search the articles of {site.Config.Title}.", route, [new("Home", views.Urls.Link("/")), new("Search", views.Urls.Link(route))]));
        // The page itself is a form, indexable under its canonical /search/ (a noindex page fails Lighthouse's SEO
        // audit); it stays out of the sitemap, and every ?q= address of it names /search/ as canonical.
        page = page with { Head = new RawHtml(page.Head.Value + SearchPage.Head(views.Urls, themeAssets)) };
        var search = new SearchView(views.Urls.Link("/" + SearchIndexWriter.MetaFile), [.. scope.Sections.Select(s => new SearchSectionView(s.Slug, s.Name))]);
        var fingerprint = _fingerprints.List("search.html", page with { Head = RawHtml.Empty }, null, null, [], string.Join('\n', search.Sections.Select(s => s.Slug + "\t" + s.Name)) + "\n" + search.IndexUrl + "\n" + page.Head.Value);
        return Write("search.html", route, fingerprint, true, () => new PageModel { Site = _siteView, Page = page, Search = search }, new PageJob(route, null), out _) ? 1 : 0;
    }

    /// <summary>A list page's view, without its head (<see cref="WithHead"/>).</summary>
    private PageView ListPage(string kind, string title, string description, string route, IReadOnlyList<LinkView> breadcrumb)
    {
        return new PageView
        {
            Kind = kind,
            Title = title,
            Description = description,
            Url = views.Urls.Link(route),
            Canonical = views.Urls.Absolute(route),
            Breadcrumb = breadcrumb,
            Feeds = _feeds.ForPage(route),
        };
    }

    /// <summary>
    /// The page with its generated head. Made only for a page being rendered: the head is made from the page's
    /// own fields, which its fingerprint covers already, and most list pages of a rebuild are kept as they are.
    /// </summary>
    private PageView WithHead(PageView page) => page with { Head = heads.ForPage(page, null) };

    /// <summary>
    /// The sections above the article, not the article itself: its headline follows at once as the h1, and
    /// repeating it there pushed the story a screen down on a phone. The JSON-LD trail adds the article.
    /// </summary>
    private List<LinkView> Breadcrumb(Entry entry)
    {
        var crumbs = new List<LinkView> { new("Home", views.Urls.Link("/")) };
        if (entry.Section is { } section)
        {
            crumbs.Add(views.Link(section));
        }

        return crumbs;
    }

    /// <summary>Keeps the previous output's page when its fingerprint is unchanged; otherwise renders and writes it.</summary>
    private bool Write(string template, string route, Caching.Hash128 fingerprint, bool noindex, Func<PageModel> model, PageJob job, out bool rendered)
    {
        rendered = false;
        var file = OutputPaths.ToRelativeFile(route);
        if (file is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsafePath, $"page {route} would be written outside the output folder", job.SourcePath is null ? null : SourceLocation.StartOf(job.SourcePath)));
            return false;
        }

        if (!output.TryKeep(file, fingerprint))
        {
            var (written, error) = renderer.Render(template, model(), job.ToString(), html => output.TryWrite(file, html, fingerprint));
            if (error is not null)
            {
                diagnostics.Add(error);
                return false;
            }

            if (!written)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"two pages would be written to {route}; change a slug, section or the permalink pattern", job.SourcePath is null ? null : SourceLocation.StartOf(job.SourcePath)));
                return false;
            }

            rendered = true;
            Interlocked.Increment(ref _rendered);
        }

        if (!noindex)
        {
            _indexable.Add(route);
        }

        return true;
    }
}
