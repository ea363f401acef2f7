using System.Globalization;
using NewsSite.Caching;
using NewsSite.Markdown;
using NewsSite.Model;
using NewsSite.Pictures;
using NewsSite.Routing;
using NewsSite.Time;

namespace NewsSite.Templates;

/// <summary>Turns model objects into template views; teasers are made once per article and shared by all lists.</summary>
public sealed class ViewFactory
{
    private const int WordsPerMinute = 230;

    private readonly SiteModel _site;
    private readonly SiteUrls _urls;
    private readonly SiteTimeZone _zone;
    private readonly MarkdownRenderer _markdown;
    private readonly PictureCatalog _pictures;
    private readonly Dictionary<Entry, TeaserView> _teasers;
    private readonly Dictionary<Entry, Hash128> _teaserKeys;

    /// <summary>One link per section and term, shared by every teaser and page that points at it.</summary>
    private readonly Dictionary<object, LinkView> _refs = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<string, Configuration.AuthorProfile> _profiles = new(StringComparer.Ordinal);

    internal ViewFactory(SiteModel site, SiteUrls urls, MarkdownRenderer markdown, ArticleBodies bodies, PictureCatalog pictures)
    {
        _site = site;
        _urls = urls;
        _zone = site.Config.TimeZone;
        _markdown = markdown;
        Bodies = bodies;
        _pictures = pictures;
        foreach (var section in site.Sections)
        {
            _refs[section] = NewRef(section.Name, section.Route);
        }

        foreach (var term in site.Tags.Concat(site.Authors))
        {
            _refs[term] = NewRef(term.Name, term.Route);
        }

        foreach (var profile in site.Config.Authors)
        {
            _profiles[profile.Slug] = profile;
        }

        _teasers = new Dictionary<Entry, TeaserView>(site.Entries.Count, ReferenceEqualityComparer.Instance);
        _teaserKeys = new Dictionary<Entry, Hash128>(site.Entries.Count, ReferenceEqualityComparer.Instance);
        var teasers = new TeaserView[site.Entries.Count];
        var keys = new Hash128[site.Entries.Count];
        Parallel.For(0, teasers.Length, i =>
        {
            teasers[i] = CreateTeaser(site.Entries[i]);
            keys[i] = Templates.TeaserKey.Of(teasers[i]);
        });
        for (var i = 0; i < teasers.Length; i++)
        {
            _teasers[site.Entries[i]] = teasers[i];
            _teaserKeys[site.Entries[i]] = keys[i];
        }
    }

    public SiteUrls Urls => _urls;

    public TeaserView Teaser(Entry entry) => _teasers[entry];

    public IReadOnlyList<TeaserView> Teasers(IEnumerable<Entry> entries) => [.. entries.Select(Teaser)];

    public LinkView Link(Section section) => new(section.Name, _urls.Link(section.Route), section.Entries.Count);

    public LinkView Link(Term term) => new(term.Name, _urls.Link(term.Route), term.Entries.Count);

    /// <summary>
    /// A link without the article count, for the places that point at a section or term (navigation, teasers,
    /// article pages): a count there would make every such page change whenever any article is added.
    /// </summary>
    public LinkView Ref(Section section) => _refs.TryGetValue(section, out var link) ? link : NewRef(section.Name, section.Route);

    public LinkView Ref(Term term) => _refs.TryGetValue(term, out var link) ? link : NewRef(term.Name, term.Route);

    private LinkView NewRef(string name, string route) => new(name, _urls.Link(route));

    /// <summary>What site.yaml says of an author, if anything.</summary>
    public Configuration.AuthorProfile? Profile(Term author) => _profiles.GetValueOrDefault(author.Slug);

    /// <summary>An author's link with the bio, photo and links that site.yaml gives them.</summary>
    public AuthorView Author(Term author)
    {
        var link = Ref(author);
        if (Profile(author) is not { } profile)
        {
            return new AuthorView(link.Name, link.Url, null, null, []);
        }

        return new AuthorView(
            link.Name,
            link.Url,
            profile.Bio,
            profile.Photo is { } photo ? (photo.StartsWith('/') ? _urls.Link(photo) : photo) : null,
            [.. profile.Links.Select(l => new LinkView(l.Name, l.Url.StartsWith('/') ? _urls.Link(l.Url) : l.Url))]);
    }

    /// <summary>A hash of everything the teaser shows: list pages are unchanged when their teasers' keys are.</summary>
    public Hash128 TeaserKey(Entry entry) => _teaserKeys[entry];

    /// <summary>The body stage, which renders bodies and gives summaries.</summary>
    internal ArticleBodies Bodies { get; }

    /// <summary>The front-matter summary, or the one the body stage cut from the first paragraph.</summary>
    internal string Summary(Entry entry) => Bodies.SummaryOf(entry.Article);

    public DateView Date(DateTimeOffset value)
    {
        var local = _zone.InZone(value);
        return DateViews.Of(local, _zone.Abbreviation(local));
    }

    public ArticleView Article(Entry entry, RenderedBody body)
    {
        var article = entry.Article;
        return new ArticleView
        {
            Teaser = Teaser(entry),
            Dek = article.Dek,
            Dateline = article.Dateline,
            Updated = article.LastModified is { } modified ? Date(modified) : null,
            Tags = [.. entry.Tags.Select(Ref)],
            Byline = [.. entry.Authors.Select(Author)],
            KeyPoints = [.. article.KeyPoints.Select(p => new KeyPointView(p.Label, new RawHtml(_markdown.RenderInline(p.Text))))],
            Corrections = [.. article.Corrections.Select(c => new CorrectionView(Date(c.Date), new RawHtml(_markdown.RenderInline(c.Text))))],
            Body = new RawHtml(body.Html),
            BodyHead = new RawHtml(body.Head),
            BodyTail = new RawHtml(body.Tail),
            WordCount = body.WordCount,
            ReadingMinutes = Math.Max(1, (body.WordCount + WordsPerMinute - 1) / WordsPerMinute),
            Related = [.. entry.Related.Select(Teaser)],
            Previous = entry.PreviousInSection is { } previous ? Teaser(previous) : null,
            Next = entry.NextInSection is { } next ? Teaser(next) : null,
            Params = article.Params,
        };
    }

    /// <summary>How many page links a pager shows either side of the current page.</summary>
    public const int PagerWindow = 2;

    /// <remarks>
    /// Every page linking every other page would make a list's pages grow with its length, and the whole list
    /// quadratic; a window keeps each page's size fixed.
    /// </remarks>
    public PaginationView Pagination<T>(Pager<T> pager)
    {
        var current = pager.PageNumber;
        var last = pager.TotalPages;
        var shown = new SortedSet<int> { 1, last };
        for (var n = Math.Max(1, current - PagerWindow); n <= Math.Min(last, current + PagerWindow); n++)
        {
            shown.Add(n);
        }

        var links = new List<LinkView>(shown.Count + 2);
        var before = 0;
        foreach (var n in shown)
        {
            // A gap of one page shows that page: "…" must never stand in for what one number would say.
            if (n - before == 2)
            {
                links.Add(PageLink(pager, n - 1));
            }
            else if (n - before > 2)
            {
                links.Add(new LinkView("…", ""));
            }

            links.Add(PageLink(pager, n));
            before = n;
        }

        return new PaginationView(
            current,
            last,
            pager.PreviousRoute is { } previous ? _urls.Link(previous) : null,
            pager.NextRoute is { } next ? _urls.Link(next) : null,
            links);
    }

    private LinkView PageLink<T>(Pager<T> pager, int number) =>
        new(number.ToString(CultureInfo.InvariantCulture), _urls.Link(pager.RouteOf(number)), 0, number == pager.PageNumber);

    public ImageView? Image(Entry entry)
    {
        if (entry.ImageUrl is not { } url || entry.Article.Image is not { } image)
        {
            return null;
        }

        return _pictures.Find(url) is { } picture
            ? PictureViews.Image(picture, image, _urls)
            : new ImageView(_urls.Link(url), image.Alt, image.Caption, image.Credit, null, null);
    }

    /// <summary>The published pictures, for the head's sharing and structured-data images.</summary>
    public PictureCatalog Pictures => _pictures;

    private TeaserView CreateTeaser(Entry entry) => new(
        entry.Article.Headline,
        _urls.Link(entry.Route),
        Summary(entry),
        Date(entry.Article.Date),
        entry.Section is { } section ? Ref(section) : null,
        [.. entry.Authors.Select(Ref)],
        Image(entry),
        entry.Article.Draft,
        entry.Article.Date > _site.Now ? Date(entry.Article.Date) : null);

    public SiteModel Site => _site;
}
