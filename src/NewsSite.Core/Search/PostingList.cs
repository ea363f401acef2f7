using System.Text;

namespace NewsSite.Search;

/// <summary>The articles a term occurs in, ascending by document id, each with its weight level (1..15).</summary>
internal sealed class PostingList
{
    private readonly List<int> _documents = [];
    private readonly List<byte> _levels = [];

    public int Count => _documents.Count;

    public IReadOnlyList<int> Documents => _documents;

    public IReadOnlyList<byte> Levels => _levels;

    public void Add(int document, int level)
    {
        if (_documents.Count > 0 && document <= _documents[^1])
        {
            throw new InvalidOperationException("postings must be added in ascending document order");
        }

        _documents.Add(document);
        _levels.Add((byte)level);
    }

    /// <summary>
    /// Each posting is one number: (gap to the previous document − 1) × 16 + (level − 1), the first gap counted
    /// from −1; written with <see cref="VarintText"/>. Neighbouring articles cost one character.
    /// </summary>
    public string Encode()
    {
        var text = new StringBuilder(_documents.Count * 2);
        var previous = -1;
        for (var i = 0; i < _documents.Count; i++)
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
