using System.Text;
using MemoryPack;

namespace NewsSite.Search;

/// <summary>
/// An <see cref="ArticleAnalysis"/> as the build cache keeps it: self-contained, its terms and words given by their
/// place in its own list of strings (one UTF-8 block, a line each), since the <see cref="TermTable"/>'s numbers last
/// only one build. The lists are packed as in memory (<see cref="PackedPairs"/>) and read back as they are.
/// </summary>
[MemoryPackable]
internal sealed partial record StoredAnalysis(byte[] Strings, byte[] Terms, byte[] Words, byte[] PairBuckets, int Length, byte[] Snippet)
{
    public static StoredAnalysis From(ArticleAnalysis analysis, TermTable table)
    {
        var places = new Dictionary<int, int>();
        var strings = new StringBuilder();
        int Place(int id)
        {
            if (!places.TryGetValue(id, out var place))
            {
                place = places.Count;
                places[id] = place;
                strings.Append(table[id]).Append('\n');
            }

            return place;
        }

        var terms = PackedPairs.Read(analysis.PackedTerms);
        int[] termPlaces = new int[terms.Count], signals = new int[terms.Count];
        for (var i = 0; terms.Next(out var term, out var signal); i++)
        {
            (termPlaces[i], signals[i]) = (Place(analysis.Id(term)), signal);
        }

        var words = PackedPairs.Read(analysis.PackedWords);
        int[] wordPlaces = new int[words.Count], wordTermPlaces = new int[words.Count];
        for (var i = 0; words.Next(out var word, out var term); i++)
        {
            (wordPlaces[i], wordTermPlaces[i]) = (Place(analysis.Id(word)), Place(analysis.Id(term)));
        }

        var termList = PackedPairs.Pack(termPlaces, signals);
        var wordList = PackedPairs.Pack(wordPlaces, wordTermPlaces);
        return new StoredAnalysis(Encoding.UTF8.GetBytes(strings.ToString()), termList, wordList, analysis.PackedPairBuckets.ToArray(), analysis.Length, analysis.Utf8Snippet.ToArray());
    }

    /// <summary>The analysis, its strings numbered in this build's table.</summary>
    /// <exception cref="InvalidDataException">The record refers to strings it does not hold.</exception>
    public ArticleAnalysis ToAnalysis(TermTable table)
    {
        var ids = new List<int>();
        Span<char> chars = stackalloc char[256];
        foreach (var line in Strings.AsSpan().Split((byte)'\n'))
        {
            var utf8 = Strings.AsSpan()[line];
            if (line.End.Value == Strings.Length && utf8.IsEmpty)
            {
                break;
            }

            var text = Encoding.UTF8.GetMaxCharCount(utf8.Length) <= chars.Length ? chars[..Encoding.UTF8.GetChars(utf8, chars)] : Encoding.UTF8.GetString(utf8).AsSpan();
            ids.Add(table.Id(text));
        }

        if (Highest(Terms, valueToo: false) >= ids.Count || Highest(Words, valueToo: true) >= ids.Count)
        {
            throw new InvalidDataException("a string the analysis does not hold");
        }

        return ArticleAnalysis.Stored(Terms, Words, PairBuckets, Length, Snippet, [.. ids]);
    }

    private static int Highest(byte[] packed, bool valueToo)
    {
        var highest = -1;
        for (var pairs = PackedPairs.Read(packed); pairs.Next(out var key, out var value);)
        {
            highest = Math.Max(highest, valueToo ? Math.Max(key, value) : key);
        }

        return highest;
    }
}
