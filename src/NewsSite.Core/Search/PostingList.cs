using System.Text;

namespace NewsSite.Search;

/// <summary>The articles a term occurs in, ascending by document id, each with its weight level (1..32).</summary>
/// <remarks>
/// Held as it is written, the <see cref="VarintText"/> characters as ASCII bytes (a byte or two per posting),
/// because the index holds every term's list at once.
/// </remarks>
internal sealed class PostingList
{
    private byte[] _encoded;
    private int _length;
    private int _last = -1;

    public PostingList()
        : this(0)
    {
    }

    /// <param name="capacity">Bytes to reserve: <see cref="Bytes"/> summed over the postings to come.</param>
    public PostingList(int capacity)
    {
        _encoded = capacity == 0 ? [] : new byte[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The postings as the index file carries them: ASCII, safe in a JSON string as it is.</summary>
    public ReadOnlySpan<byte> Utf8 => _encoded.AsSpan(0, _length);

    public IReadOnlyList<int> Documents => [.. Decode(Encode()).Select(p => p.Document)];

    public IReadOnlyList<byte> Levels => [.. Decode(Encode()).Select(p => (byte)p.Level)];

    /// <summary>
    /// The bytes a posting for <paramref name="document"/> takes after <paramref name="previous"/> (−1 before the
    /// first). The level is the low five bits and digits hold five, so it never changes the count: the builder
    /// sizes each list exactly before it knows the levels.
    /// </summary>
    public static int Bytes(int previous, int document) => VarintText.Length(Value(document - previous, 1));

    public void Add(int document, int level)
    {
        if (document <= _last)
        {
            throw new InvalidOperationException("postings must be added in ascending document order");
        }

        var value = Value(document - _last, level);
        var needed = _length + VarintText.Length(value);
        if (needed > _encoded.Length)
        {
            Array.Resize(ref _encoded, Math.Max(Math.Max(8, needed), _encoded.Length * 2));
        }

        _length += VarintText.Write(_encoded.AsSpan(_length), value);
        _last = document;
        Count++;
    }

    /// <summary>
    /// Each posting is one number: (gap to the previous document − 1) × 32 + (level − 1), the first gap counted
    /// from −1; written with <see cref="VarintText"/>. Neighbouring articles cost one character.
    /// </summary>
    public string Encode() => Encoding.ASCII.GetString(Utf8);

    public static IReadOnlyList<(int Document, int Level)> Decode(string text)
    {
        var postings = new List<(int, int)>();
        var previous = -1;
        foreach (var value in VarintText.Decode(text))
        {
            previous += (value >> 5) + 1;
            postings.Add((previous, (value & 31) + 1));
        }

        return postings;
    }

    private static int Value(int gap, int level) => ((gap - 1) * 32) + (level - 1);
}
