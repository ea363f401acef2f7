namespace NewsSite.Templates;

// The template model. Scriban sees these properties in snake_case (ReadingMinutes -> reading_minutes); the
// README documents them. Strings are escaped when printed; RawHtml is markup we produced ourselves.

public sealed record LinkView(string Name, string Url, int Count = 0, bool Current = false);

/// <summary>A moment in the site's time zone: <c>iso</c> for datetime attributes, <c>display</c> for readers.</summary>
public sealed record DateView(string Iso, string Display, string Day, string Time);

/// <summary>A picture: <c>url</c>, <c>width</c> and <c>height</c> are its <c>src</c> copy.</summary>
/// <param name="Srcset">The resized copies in the picture's own format, for <c>srcset</c>; null when it has none.</param>
/// <param name="WebpSrcset">The same widths in WebP, for <c>&lt;source type="image/webp"&gt;</c>; null when there are none.</param>
public sealed record ImageView(string Url, string Alt, string? Caption, string? Credit, int? Width, int? Height, string? Srcset = null, string? WebpSrcset = null);

/// <summary>An author with what <c>site.yaml</c> tells of them: <c>bio</c>, <c>photo</c> and <c>links</c> may be empty.</summary>
public sealed record AuthorView(string Name, string Url, string? Bio, string? Photo, IReadOnlyList<LinkView> Links);

public sealed record KeyPointView(string? Label, RawHtml Text);

public sealed record CorrectionView(DateView Date, RawHtml Text);

/// <summary>An article as list pages show it.</summary>
/// <param name="GoesLive">
/// The moment a future-dated article goes live; only a preview that includes future articles (<c>serve</c>,
/// <c>--future</c>) publishes one, so a normal build never shows it.
/// </param>
public sealed record TeaserView(
    string Headline,
    string Url,
    string Summary,
    DateView Date,
    LinkView? Section,
    IReadOnlyList<LinkView> Authors,
    ImageView? Image,
    bool Draft,
    DateView? GoesLive = null);

/// <summary>An article page's article.</summary>
public sealed record ArticleView
{
    public required TeaserView Teaser { get; init; }

    public string Headline => Teaser.Headline;

    public string Url => Teaser.Url;

    public string Summary => Teaser.Summary;

    public DateView Date => Teaser.Date;

    public LinkView? Section => Teaser.Section;

    public IReadOnlyList<LinkView> Authors => Teaser.Authors;

    public ImageView? Image => Teaser.Image;

    public bool Draft => Teaser.Draft;

    public DateView? GoesLive => Teaser.GoesLive;

    public string? Dek { get; init; }

    public string? Dateline { get; init; }

    /// <summary>The latest of <c>updated</c> and the corrections, when there is one.</summary>
    public DateView? Updated { get; init; }

    public IReadOnlyList<LinkView> Tags { get; init; } = [];

    /// <summary>The authors with their profiles, for the byline.</summary>
    public IReadOnlyList<AuthorView> Byline { get; init; } = [];

    public IReadOnlyList<KeyPointView> KeyPoints { get; init; } = [];

    public IReadOnlyList<CorrectionView> Corrections { get; init; } = [];

    public required RawHtml Body { get; init; }

    /// <summary>The body up to the in-body ad slot; with <see cref="BodyTail"/> it is the whole body.</summary>
    public required RawHtml BodyHead { get; init; }

    public required RawHtml BodyTail { get; init; }

    public int WordCount { get; init; }

    public int ReadingMinutes { get; init; }

    public IReadOnlyList<TeaserView> Related { get; init; } = [];

    public TeaserView? Previous { get; init; }

    public TeaserView? Next { get; init; }

    public IReadOnlyDictionary<string, object?> Params { get; init; } = new Dictionary<string, object?>();
}

/// <param name="Pages">
/// A window of page links, not all of them: the first, the last, and <see cref="Templates.ViewFactory.PagerWindow"/>
/// either side of this one; a link with an empty <c>url</c> stands for the pages left out between them.
/// </param>
public sealed record PaginationView(int Page, int TotalPages, string? PrevUrl, string? NextUrl, IReadOnlyList<LinkView> Pages);

public sealed record AdsView(bool Enabled, bool InBody, bool Sidebar, bool Home, string Label, RawHtml Html);

public sealed record FeedLinkView(string Type, string Title, string Url);

public sealed record SiteView(
    string Title,
    string Description,
    string BaseUrl,
    string HomeUrl,
    string Language,
    IReadOnlyList<LinkView> Menu,
    IReadOnlyList<LinkView> Sections,
    string? PublisherName,
    string? PublisherLogo,
    AdsView Ads,
    string Stylesheet,
    string Year)
{
    /// <summary>The footer's links: <c>footer_menu</c> from site.yaml, or the theme's default when it has none.</summary>
    public IReadOnlyList<LinkView> FooterMenu { get; init; } = [];

    /// <summary>The search page, for the masthead's search box; null when search is off.</summary>
    public string? SearchUrl { get; init; }
}

/// <summary>What every page has: its kind, title, description and URLs.</summary>
public sealed record PageView
{
    /// <summary>article, home, section, tag, author, archive, tags, authors, archives or not_found.</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public required string Url { get; init; }

    public required string Canonical { get; init; }

    public IReadOnlyList<LinkView> Breadcrumb { get; init; } = [];

    public IReadOnlyList<FeedLinkView> Feeds { get; init; } = [];

    /// <summary>Meta tags and structured data for the head, made by the generator.</summary>
    public RawHtml Head { get; init; } = RawHtml.Empty;

    public bool Noindex { get; init; }
}

public sealed record SectionBlockView(LinkView Section, IReadOnlyList<TeaserView> Articles);

public sealed record HomeView(TeaserView? Lead, IReadOnlyList<TeaserView> Top, IReadOnlyList<SectionBlockView> Sections);

/// <summary>Everything one page's templates receive, as globals: site, page, article, articles, ...</summary>
public sealed record PageModel
{
    public required SiteView Site { get; init; }

    public required PageView Page { get; init; }

    public ArticleView? Article { get; init; }

    public IReadOnlyList<TeaserView> Articles { get; init; } = [];

    public PaginationView? Pagination { get; init; }

    /// <summary>The section, tag, author or archive a list page is about.</summary>
    public LinkView? Term { get; init; }

    /// <summary>All tags or authors with counts, on the index pages; archive months on the archives page.</summary>
    public IReadOnlyList<LinkView> Terms { get; init; } = [];

    public HomeView? Home { get; init; }

    /// <summary>On an author's page: the author with bio, photo and links.</summary>
    public AuthorView? Author { get; init; }

    /// <summary>On the search page: where the index is and which sections results can be narrowed to.</summary>
    public SearchView? Search { get; init; }
}

/// <summary>A section results can be filtered by: <c>slug</c> is the value the form sends.</summary>
public sealed record SearchSectionView(string Slug, string Name);

public sealed record SearchView(string IndexUrl, IReadOnlyList<SearchSectionView> Sections);
