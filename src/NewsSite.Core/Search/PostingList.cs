using System.Text;

namespace NewsSite.Search;

/// <summary>The articles a term occurs in, ascending by document id, each with its weight level (1..15).</summary>
internal sealed class PostingList
{
    private int[] _documents;
    private byte[] _levels;

    public PostingList()
    {
        _documents = [];
        _levels = [];
    }

    /// <summary>Takes the arrays as they are: documents ascending, levels 1..15, the same length.</summary>
    public PostingList(int[] documents, byte[] levels)
    {
        if (documents.Length != levels.Length)
        {
            throw new ArgumentException("one level per document", nameof(levels));
        }

        _documents = documents;
        _levels = levels;
        Count = documents.Length;
    }

    public int Count { get; private set; }

    public IReadOnlyList<int> Documents => new ArraySegment<int>(_documents, 0, Count);

    public IReadOnlyList<byte> Levels => new ArraySegment<byte>(_levels, 0, Count);

    public void Add(int document, int level)
    {
        if (Count > 0 && document <= _documents[Count - 1])
        {
            throw new InvalidOperationException("postings must be added in ascending document order");
        }

        if (Count == _documents.Length)
        {
            Array.Resize(ref _documents, Math.Max(4, Count * 2));
            Array.Resize(ref _levels, _documents.Length);
        }

        _documents[Count] = document;
        _levels[Count] = (byte)level;
        Count++;
    }

    /// <summary>
    /// Each posting is one number: (gap to the previous document − 1) × 16 + (level − 1), the first gap counted
    /// from −1; written with <see cref="VarintText"/>. Neighbouring articles cost one character.
    /// </summary>
    public string Encode()
    {
        var text = new StringBuilder(Count * 2);
        var previous = -1;
        for (var i = 0; i < Count; i++)
        {
            var gap = _documents[i] - previous;
            VarintText.Append(text, ((gap - 1) * 16) + (_levels[i] - 1));
            previous = _documents[i];
        }

        return text.ToString();
    }

    public static IReadOnlyList<(int Document, int Level)> Decode(string text)
    {
        var postings = new List<(int, int)>();
        var previous = -1;
        foreach (var value in VarintText.Decode(text))
        {
            previous += (value >> 4) + 1;
            postings.Add((previous, (value & 15) + 1));
        }

        return postings;
    }
}
