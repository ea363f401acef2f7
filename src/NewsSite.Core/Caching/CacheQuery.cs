using System.IO.Hashing;
using System.Text;

namespace NewsSite.Caching;

/// <summary>
/// A kind of answer the build cache keeps, typed by the value it answers with (which MemoryPack serializes). The
/// name keeps two queries asked with the same inputs apart: its hash seeds the hash of the inputs.
/// </summary>
internal sealed record CacheQuery<T>(string Name)
{
    public long Seed { get; } = (long)XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(Name));
}
