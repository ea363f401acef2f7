using System.Diagnostics.CodeAnalysis;

namespace NewsSite.Caching;

/// <summary>
/// What a stage asks of the build cache: the answer to a query for a hash of everything the answer depends on,
/// kept by an earlier build, or nothing. Thread-safe. A stage that cannot find an answer computes it and puts it.
/// </summary>
internal interface IBuildCache
{
    bool TryGet<T>(CacheQuery<T> query, Hash128 inputs, [MaybeNullWhen(false)] out T value);

    void Put<T>(CacheQuery<T> query, Hash128 inputs, T value);
}
