using System.Collections.Concurrent;

namespace NewsSite.Search;

/// <summary>
/// One number per distinct string (terms and words) for the length of a build, so that articles are analysed
/// into arrays of numbers. Numbers are handed out in whatever order threads ask: nothing written depends on them,
/// the index is sorted by the strings.
/// </summary>
internal sealed class TermTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _strings.Count;
            }
        }
    }

    public string this[int id]
    {
        get
        {
            lock (_lock)
            {
                return _strings[id];
            }
        }
    }

    /// <summary>The number of a string given as characters; a string is made only for one the table has not seen.</summary>
    public int Id(ReadOnlySpan<char> text) =>
        _ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var id) ? id : Id(text.ToString());

    public int Id(string text)
    {
        if (_ids.TryGetValue(text, out var id))
        {
            return id;
        }

        lock (_lock)
        {
            if (!_ids.TryGetValue(text, out id))
            {
                id = _strings.Count;
                _strings.Add(text);
                _ids[text] = id;
            }

            return id;
        }
    }

    /// <summary>All strings by number; call it once analysis is over.</summary>
    public string[] ToArray()
    {
        lock (_lock)
        {
            return [.. _strings];
        }
    }
}
