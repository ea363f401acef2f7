using System.Text.Json;
using NewsSite.Caching;

namespace NewsSite.Templates;

/// <summary>
/// A hash of everything a teaser shows, hashed as page views are (their JSON): the list pages, neighbours and
/// related lists that show a teaser are unchanged when its key is.
/// </summary>
internal static class TeaserKey
{
    public static Hash128 Of(TeaserView teaser) => ContentHash.Of(JsonSerializer.SerializeToUtf8Bytes(teaser, ViewJson.Default.TeaserView));
}
