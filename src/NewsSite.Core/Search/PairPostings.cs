namespace NewsSite.Search;

/// <summary>
/// For each <see cref="WordPairs"/> bucket, the articles that hold a pair of that bucket: ascending ids, each as its
/// gap to the one before less one (the first counted from −1), in <see cref="VarintText"/>, held as the bytes the
/// file carries.
/// </summary>
internal sealed class PairPostings
{
    private readonly byte[]?[] _lists;
    private readonly int[] _lengths;
    private readonly int[] _last;

    /// <param name="capacities">Bytes per bucket (<see cref="Bytes"/> summed over its postings), so each list is made once.</param>
    public PairPostings(int[] capacities)
    {
        _lists = new byte[]?[WordPairs.Buckets];
        _lengths = new int[WordPairs.Buckets];
        _last = new int[WordPairs.Buckets];
        Array.Fill(_last, -1);
        for (var bucket = 0; bucket < capacities.Length; bucket++)
        {
            if (capacities[bucket] > 0)
            {
                _lists[bucket] = new byte[capacities[bucket]];
            }
        }
    }

    public int Buckets => _lists.Length;

    public static int Bytes(int previous, int document) => VarintText.Length(document - previous - 1);

    /// <summary>Adds a document to a bucket; documents come in ascending order.</summary>
    public void Add(int bucket, int document)
    {
        if (document <= _last[bucket])
        {
            throw new InvalidOperationException("pair postings must be added in ascending document order");
        }

        var list = _lists[bucket] ?? throw new InvalidOperationException("a pair bucket was not sized");
        _lengths[bucket] += VarintText.Write(list.AsSpan(_lengths[bucket]), document - _last[bucket] - 1);
        _last[bucket] = document;
    }

    /// <summary>The bucket's postings as the file carries them (empty when no article has a pair of it).</summary>
    public ReadOnlySpan<byte> Utf8(int bucket) => _lists[bucket] is { } list ? list.AsSpan(0, _lengths[bucket]) : default;

    public IReadOnlyList<int> Documents(int bucket)
    {
        var documents = new List<int>();
        var previous = -1;
        foreach (var gap in VarintText.Decode(System.Text.Encoding.ASCII.GetString(Utf8(bucket))))
        {
            previous += gap + 1;
            documents.Add(previous);
        }

        return documents;
    }
}
