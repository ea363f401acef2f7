using MemoryPack;

namespace NewsSite.Search;

/// <summary>
/// An <see cref="ArticleAnalysis"/> as the build cache keeps it: self-contained, its terms and words given by their
/// place in its own list of strings, since the <see cref="TermTable"/>'s numbers last only one build. The lists are
/// packed as in memory (<see cref="PackedPairs"/>).
/// </summary>
[MemoryPackable]
internal sealed partial record StoredAnalysis(string[] Strings, byte[] Terms, byte[] Words, byte[] PairBuckets, int Length, string Snippet)
{
    public static StoredAnalysis From(ArticleAnalysis analysis, TermTable table)
    {
        var (terms, signals) = analysis.TermFrequencies();
        var (words, wordTerms) = analysis.WordTerms();
        var places = new Dictionary<int, int>();
        var strings = new List<string>();
        int Place(int id)
        {
            if (!places.TryGetValue(id, out var place))
            {
                place = strings.Count;
                places[id] = place;
                strings.Add(table[id]);
            }

            return place;
        }

        var termList = PackedPairs.Pack([.. terms.Select(Place)], signals);
        var wordList = PackedPairs.Pack([.. words.Select(Place)], [.. wordTerms.Select(Place)]);
        return new StoredAnalysis([.. strings], termList, wordList, analysis.PackedPairBuckets.ToArray(), analysis.Length, analysis.Snippet);
    }

    /// <summary>The analysis in this build's numbers.</summary>
    /// <exception cref="InvalidDataException">The record refers to strings it does not hold.</exception>
    public ArticleAnalysis ToAnalysis(TermTable table)
    {
        var ids = Strings.Select(table.Id).ToArray();
        int Id(int place) => place >= 0 && place < ids.Length ? ids[place] : throw new InvalidDataException("a string the analysis does not hold");
        var (terms, signals) = PackedPairs.Unpack(Terms);
        var (words, wordTerms) = PackedPairs.Unpack(Words);
        return new ArticleAnalysis([.. terms.Select(Id)], signals, Length, [.. words.Select(Id)], [.. wordTerms.Select(Id)], PackedPairs.Unpack(PairBuckets).Keys, Snippet);
    }
}
