using System.Text.Json.Serialization;

namespace NewsSite.Templates;

/// <summary>Serialises views for fingerprints: what a page shows, hashed, tells whether it must be rendered again.</summary>
[JsonSerializable(typeof(TeaserView))]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(LinkView))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(IReadOnlyList<LinkView>))]
[JsonSerializable(typeof(IReadOnlyList<FeedLinkView>))]
internal sealed partial class ViewJson : JsonSerializerContext;
