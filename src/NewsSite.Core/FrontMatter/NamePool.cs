using System.Collections.Concurrent;

namespace NewsSite.FrontMatter;

/// <summary>
/// One string per distinct name (tag, author, section, dateline) across a build's articles. Each file spells its
/// names out again, so without sharing a large archive holds "Climate Change" as many times as it is used.
/// Thread-safe.
/// </summary>
internal sealed class NamePool
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    public string? Share(string? name) => name is null ? null : _names.GetOrAdd(name, name);

    public IReadOnlyList<string> Share(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var shared = new string[names.Count];
        for (var i = 0; i < shared.Length; i++)
        {
            shared[i] = _names.GetOrAdd(names[i], names[i]);
        }

        return shared;
    }
}
