namespace NewsSite.Search;

/// <summary>
/// For each <see cref="WordPairs"/> bucket, the articles that hold a pair of that bucket: ascending ids, each as its
/// gap to the one before less one (the first counted from −1), in <see cref="VarintText"/>, held as the bytes the
/// file carries. Filled in two passes over the articles in order: <see cref="Reserve"/> sizes every bucket, then
/// <see cref="Add"/> writes it; all buckets share one array, and each bucket's place and last article sit side by
/// side, so a posting touches little memory.
/// </summary>
internal sealed class PairPostings
{
    private readonly (int End, int Last)[] _buckets = new (int, int)[WordPairs.Buckets];
    private readonly int[] _start = new int[WordPairs.Buckets + 1];
    private byte[]? _bytes;

    public PairPostings() => Array.Fill(_buckets, (0, -1));

    public int Buckets => _buckets.Length;

    /// <summary>Counts a posting's bytes; documents come in ascending order.</summary>
    public void Reserve(int bucket, int document)
    {
        ref var state = ref _buckets[bucket];
        state.End += VarintText.Length(document - state.Last - 1);
        state.Last = document;
    }

    /// <summary>Writes a posting reserved before; documents come in ascending order again.</summary>
    public void Add(int bucket, int document)
    {
        if (_bytes is null)
        {
            for (var b = 0; b < _buckets.Length; b++)
            {
                _start[b + 1] = _start[b] + _buckets[b].End;
                _buckets[b] = (_start[b], -1);
            }

            _bytes = new byte[_start[^1]];
        }

        ref var state = ref _buckets[bucket];
        if (document <= state.Last)
        {
            throw new InvalidOperationException("pair postings must be added in ascending document order");
        }

        state.End += VarintText.Write(_bytes.AsSpan(state.End), document - state.Last - 1);
        state.Last = document;
    }

    /// <summary>The bucket's postings as the file carries them (empty when no article has a pair of it).</summary>
    public ReadOnlySpan<byte> Utf8(int bucket) => _bytes is null ? default : _bytes.AsSpan(_start[bucket], _buckets[bucket].End - _start[bucket]);

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
