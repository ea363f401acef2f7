using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace NewsSite.Search;

/// <summary>
/// A read-only map from strings in ordinal order, built from keys sorted once: the index's terms and words are
/// collected first and ordered at the end, instead of being kept in order on every insert.
/// </summary>
internal sealed class SortedKeyTable<TValue> : IReadOnlyDictionary<string, TValue>
{
    private readonly string[] _keys;
    private readonly TValue[] _values;

    /// <summary>Sorts both arrays (in place) by key; keys must be distinct.</summary>
    public SortedKeyTable(string[] keys, TValue[] values)
    {
        Array.Sort(keys, values, StringComparer.Ordinal);
        for (var i = 1; i < keys.Length; i++)
        {
            if (string.Equals(keys[i - 1], keys[i], StringComparison.Ordinal))
            {
                throw new ArgumentException($"the key '{keys[i]}' is there twice", nameof(keys));
            }
        }

        _keys = keys;
        _values = values;
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<TValue> Values => _values;

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Find(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var index = Find(key);
        value = index >= 0 ? _values[index] : default;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Find(string key) => Array.BinarySearch(_keys, key, StringComparer.Ordinal);
}
