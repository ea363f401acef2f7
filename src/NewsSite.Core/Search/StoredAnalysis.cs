using System.Buffers;
using System.Text;
using MemoryPack;

namespace NewsSite.Search;

/// <summary>
/// An <see cref="ArticleAnalysis"/> as the build cache keeps it: self-contained, its terms and words given by their
/// place in its own list of strings (one UTF-8 block, a line each), since the <see cref="TermTable"/>'s numbers last
/// only one build. The lists are packed as in memory (<see cref="PackedPairs"/>) and read back as they are.
/// </summary>
[MemoryPackable]
internal sealed partial record StoredAnalysis(byte[] Strings, byte[] Terms, byte[] Words, byte[] PairBuckets, int Length, int HeadlineLength, byte[] Snippet)
{
    /// <param name="places">Scratch space of the thread making it, used again for every analysis.</param>
    public static StoredAnalysis From(ArticleAnalysis analysis, TermTable table, StringPlaces places)
    {
        places.Start(table);
        var terms = PackedPairs.Read(analysis.PackedTerms);
        int[] termPlaces = new int[terms.Count], signals = new int[terms.Count];
        for (var i = 0; terms.Next(out var term, out var signal); i++)
        {
            (termPlaces[i], signals[i]) = (places.Of(analysis.Id(term)), signal);
        }

        var words = PackedPairs.Read(analysis.PackedWords);
        int[] wordPlaces = new int[words.Count], wordTermPlaces = new int[words.Count];
        for (var i = 0; words.Next(out var word, out var term); i++)
        {
            (wordPlaces[i], wordTermPlaces[i]) = (places.Of(analysis.Id(word)), places.Of(analysis.Id(term)));
        }

        return new StoredAnalysis(
            places.Strings(), PackedPairs.Pack(termPlaces, signals), PackedPairs.Pack(wordPlaces, wordTermPlaces), analysis.PackedPairBuckets.ToArray(), analysis.Length, analysis.HeadlineLength, analysis.Utf8Snippet.ToArray());
    }

    /// <summary>The analysis, its strings numbered in this build's table.</summary>
    /// <param name="held">Where the analysis keeps its lists (the thread's).</param>
    /// <param name="heldIds">Where it keeps the table's number of each of its strings (the thread's).</param>
    /// <exception cref="InvalidDataException">The record refers to strings it does not hold.</exception>
    public ArticleAnalysis ToAnalysis(TermTable table, Slab<byte> held, Slab<int> heldIds)
    {
        // Every string ends in a line break, so the count of them sizes the numbers exactly.
        var count = Strings.AsSpan().Count((byte)'\n');
        var ids = heldIds.Take(count, out var start);
        Span<char> chars = stackalloc char[256];
        var rest = Strings.AsSpan();
        for (var i = 0; i < count; i++)
        {
            var end = rest.IndexOf((byte)'\n');
            var utf8 = rest[..end];
            var text = Encoding.UTF8.GetMaxCharCount(utf8.Length) <= chars.Length ? chars[..Encoding.UTF8.GetChars(utf8, chars)] : Encoding.UTF8.GetString(utf8).AsSpan();
            ids[start + i] = table.Id(text);
            rest = rest[(end + 1)..];
        }

        if (Highest(Terms, valueToo: false) >= count || Highest(Words, valueToo: true) >= count)
        {
            throw new InvalidDataException("a string the analysis does not hold");
        }

        return ArticleAnalysis.Stored(Terms, Words, PairBuckets, Length, HeadlineLength, Snippet, held, ids, start);
    }

    /// <summary>The highest string number the list refers to; a number below zero (a damaged list) is past them all.</summary>
    private static int Highest(byte[] packed, bool valueToo)
    {
        var highest = -1;
        for (var pairs = PackedPairs.Read(packed); pairs.Next(out var key, out var value);)
        {
            if (key < 0 || (valueToo && value < 0))
            {
                return int.MaxValue;
            }

            highest = Math.Max(highest, valueToo ? Math.Max(key, value) : key);
        }

        return highest;
    }
}

/// <summary>
/// Gives the strings of one analysis their places in order of first use and writes them as UTF-8 lines; one per
/// thread, used again for every analysis it stores.
/// </summary>
internal sealed class StringPlaces
{
    private readonly ArrayBufferWriter<byte> _utf8 = new(4096);
    private int[] _place = new int[1024];
    private int[] _stamp = new int[1024];
    private int _analysis;
    private int _count;
    private TermTable? _table;

    public void Start(TermTable table)
    {
        _table = table;
        _analysis++;
        _count = 0;
        _utf8.ResetWrittenCount();
    }

    public int Of(int id)
    {
        if (id >= _stamp.Length)
        {
            var size = Math.Max(id + 1, _stamp.Length * 2);
            Array.Resize(ref _stamp, size);
            Array.Resize(ref _place, size);
        }

        if (_stamp[id] != _analysis)
        {
            _stamp[id] = _analysis;
            _place[id] = _count++;
            var text = _table![id];
            var written = Encoding.UTF8.GetBytes(text, _utf8.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 1));
            _utf8.GetSpan(written + 1)[written] = (byte)'\n';
            _utf8.Advance(written + 1);
        }

        return _place[id];
    }

    public byte[] Strings() => _utf8.WrittenSpan.ToArray();
}
