namespace NewsSite.Search;

/// <summary>
/// Makes the <see cref="PairBlock"/> of a run of consecutive articles: for each <see cref="WordPairs"/> bucket, the
/// articles that hold a pair of that bucket. Filled in two passes over the articles in order: <see cref="Reserve"/>
/// sizes every bucket, then <see cref="Add"/> writes it; all buckets share one array, and each bucket's place and
/// last article sit side by side, so a posting touches little memory.
/// </summary>
internal sealed class PairPostings
{
    private readonly (int End, int Last)[] _buckets = new (int, int)[WordPairs.Buckets];
    private readonly int _first;
    private byte[]? _bytes;

    /// <param name="first">The first article of the run.</param>
    public PairPostings(int first)
    {
        _first = first;
        Array.Fill(_buckets, (0, first - 1));
    }

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
            var start = 0;
            for (var b = 0; b < _buckets.Length; b++)
            {
                (start, _buckets[b]) = (start + _buckets[b].End, (start, _first - 1));
            }

            _bytes = new byte[start];
        }

        ref var state = ref _buckets[bucket];
        if (document <= state.Last)
        {
            throw new InvalidOperationException("pair postings must be added in ascending document order");
        }

        state.End += VarintText.Write(_bytes.AsSpan(state.End), document - state.Last - 1);
        state.Last = document;
    }

    /// <summary>The block, once every posting reserved has been added: each bucket's list ends where the next one's starts.</summary>
    public PairBlock Finish() => new(_first, [.. _buckets.Select(b => b.End)], [.. _buckets.Select(b => b.Last)], _bytes ?? []);
}
