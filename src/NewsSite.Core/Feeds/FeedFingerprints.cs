using System.Text.Json;
using System.Text.Json.Serialization;
using NewsSite.Model;
using NewsSite.Caching;

namespace NewsSite.Feeds;

/// <summary>
/// A fingerprint per feed file: a hash of its channel and of every item it carries. A feed whose fingerprint is
/// the one the previous build recorded is kept as it is; after a one-article edit, that is all but a few feeds.
/// </summary>
/// <remarks>
/// An item's key is its metadata as JSON, plus the article's source hash when the site publishes full content
/// (the body's HTML is made from the article, the configuration and the tool, all in <c>feedKey</c> or that hash).
/// </remarks>
internal sealed class FeedFingerprints(Hash128 feedKey, bool fullContent)
{
    /// <param name="item">The item as <see cref="FeedItemFactory.Create"/> made it, without its body.</param>
    public Hash128 Item(Entry entry, FeedItem item) => new ContentHash.Builder()
        .Add(JsonSerializer.Serialize(item, FeedJson.Default.FeedItem))
        .Add(fullContent ? entry.Article.SourceHash : null)
        .Finish();

    public Hash128 Feed(string file, FeedChannel channel, IEnumerable<Hash128> itemKeys) => new ContentHash.Builder()
        .Add(feedKey)
        .Add(file)
        .Add(JsonSerializer.Serialize(channel with { Items = [] }, FeedJson.Default.FeedChannel))
        .Add(itemKeys)
        .Finish();
}

[JsonSerializable(typeof(FeedItem))]
[JsonSerializable(typeof(FeedChannel))]
internal sealed partial class FeedJson : JsonSerializerContext;
