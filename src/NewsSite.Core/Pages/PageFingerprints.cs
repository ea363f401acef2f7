using System.Collections.Concurrent;
using System.Text.Json;
using NewsSite.Model;
using NewsSite.Caching;
using NewsSite.Templates;

namespace NewsSite.Pages;

/// <summary>
/// A fingerprint per page: a hash of everything the page is made from. A page whose fingerprint equals the one
/// the previous build recorded is kept as it is, not rendered again.
/// </summary>
/// <remarks>
/// Every page starts from the build's global key (the tool, site.yaml, the theme's files, the build options) and
/// the site view (navigation, ads, year). An article page adds its source file's hash and the keys of the
/// teasers it shows (related, previous, next) and its tags; a list page the keys of its teasers and its
/// pagination. A teaser's key is the hash of the teaser itself, so any change to what a list shows changes it.
/// </remarks>
internal sealed class PageFingerprints(Hash128 globalKey, SiteView siteView, ViewFactory views)
{
    private readonly Hash128 _site = ContentHash.Of(JsonSerializer.SerializeToUtf8Bytes(siteView, ViewJson.Default.SiteView));

    // Every article of a section shows the same feed links: serialized once per section, not once per article.
    private readonly ConcurrentDictionary<string, string> _feedJson = new(StringComparer.Ordinal);

    /// <param name="feeds">The feed links of the article's section (the same for every article in it).</param>
    public Hash128 Article(Entry entry, IReadOnlyList<FeedLinkView> feeds)
    {
        var key = Start("article.html")
            .Add(entry.Article.SourceHash)
            .Add(views.TeaserKey(entry))
            .Add(entry.Tags.Count);
        foreach (var tag in entry.Tags)
        {
            key.Add(tag.Name).Add(tag.Route);
        }

        return key
            .Add(entry.Related.Select(views.TeaserKey))
            .Add(entry.PreviousInSection is { } previous ? views.TeaserKey(previous) : null)
            .Add(entry.NextInSection is { } next ? views.TeaserKey(next) : null)
            .Add(_feedJson.GetOrAdd(entry.Section?.Route ?? "", _ => Json(feeds)))
            .Finish();
    }

    /// <param name="page">The page's own view, without the generated head (which is made from the same data).</param>
    /// <param name="structure">Anything else the page shows that the other arguments do not say (home blocks).</param>
    public Hash128 List(string template, PageView page, LinkView? term, Pager<Entry>? pager, IEnumerable<Entry> shown, string? structure = null) => Start(template)
        .Add(JsonSerializer.SerializeToUtf8Bytes(page with { Head = RawHtml.Empty }, ViewJson.Default.PageView))
        .Add(term is null ? null : JsonSerializer.Serialize(term, ViewJson.Default.LinkView))
        .Add(pager is null ? null : $"{pager.PageNumber}/{pager.TotalPages}")
        .Add(shown.Select(views.TeaserKey))
        .Add(structure)
        .Finish();

    public Hash128 Terms(string template, PageView page, IReadOnlyList<LinkView> terms) => Start(template)
        .Add(JsonSerializer.SerializeToUtf8Bytes(page with { Head = RawHtml.Empty }, ViewJson.Default.PageView))
        .Add(JsonSerializer.SerializeToUtf8Bytes(terms, ViewJson.Default.IReadOnlyListLinkView))
        .Finish();

    private ContentHash.Builder Start(string template) => new ContentHash.Builder().Add(globalKey).Add(_site).Add(template);

    private static string Json(IReadOnlyList<FeedLinkView> feeds) => JsonSerializer.Serialize(feeds, ViewJson.Default.IReadOnlyListFeedLinkView);
}
