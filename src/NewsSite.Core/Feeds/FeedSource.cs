using NewsSite.Model;

namespace NewsSite.Feeds;

/// <summary>One list that has feeds (the site, a section, a tag, an author) and the articles they carry.</summary>
/// <param name="ListRoute">The route of the list's page; the feeds are written beside it.</param>
/// <param name="Entries">At most the configured number of published, non-draft articles, newest first.</param>
/// <param name="HasJsonFeed">Only the whole site also has a JSON Feed.</param>
internal sealed record FeedSource(string ListRoute, string Title, string Description, IReadOnlyList<Entry> Entries, bool HasJsonFeed);
