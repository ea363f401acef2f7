namespace NewsSite.Caching;

/// <summary>
/// A kind of answer the build cache keeps, typed by the value it answers with (which MemoryPack serializes). The
/// name keeps two queries asked with the same inputs apart.
/// </summary>
internal sealed record CacheQuery<T>(string Name);
