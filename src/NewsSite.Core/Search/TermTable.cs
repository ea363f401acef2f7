using System.Collections.Concurrent;

namespace NewsSite.Search;

/// <summary>
/// One number per distinct string (terms and words), so that articles are analysed into arrays of numbers; the
/// build cache keeps it for the next build (<see cref="StoredTermTable"/>). Numbers are handed out in whatever order
/// threads ask: nothing written depends on them, the index is sorted by the strings.
/// </summary>
internal sealed class TermTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lock _lock = new();

    /// <summary>
    /// The strings by number. Replaced by a larger copy when full, under the lock; a number is handed out only once
    /// its string is in the array, so a reader needs no lock.
    /// </summary>
    private string[] _strings = new string[1024];
    private int _count;

    public TermTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="kept">Strings to number first, in order (a kept table's).</param>
    /// <exception cref="InvalidDataException">A string is missing or there twice.</exception>
    public TermTable(IReadOnlyList<string> kept)
        : this()
    {
        _strings = new string[Math.Max(1024, kept.Count * 2)];
        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i] is null || Id(kept[i]) != i)
            {
                throw new InvalidDataException("a kept table's strings must be there once each");
            }
        }
    }

    public int Count => Volatile.Read(ref _count);

    public string this[int id] => Volatile.Read(ref _strings)[id];

    /// <summary>The number of a string given as characters; a string is made only for one the table has not seen.</summary>
    public int Id(ReadOnlySpan<char> text) =>
        _lookup.TryGetValue(text, out var id) ? id : Id(text.ToString());

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
                id = _count;
                if (id == _strings.Length)
                {
                    var larger = new string[_strings.Length * 2];
                    _strings.CopyTo(larger, 0);
                    Volatile.Write(ref _strings, larger);
                }

                _strings[id] = text;
                Volatile.Write(ref _count, id + 1);
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
            return _strings[.._count];
        }
    }
}
