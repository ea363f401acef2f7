using MemoryPack;

namespace NewsSite.Search;

/// <summary>
/// An <see cref="ArticleAnalysis"/> as the build cache keeps it: self-contained, its terms and words given by their
/// place in its own list of strings, since the <see cref="TermTable"/>'s numbers last only one build.
/// </summary>
[MemoryPackable]
internal sealed partial record StoredAnalysis(string[] Strings, int[] Terms, int[] Signals, int Length, int[] Words, int[] WordTerms, int[] PairBuckets, string Snippet)
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

        int[] termPlaces = [.. terms.Select(Place)];
        int[] wordPlaces = [.. words.Select(Place)];
        int[] wordTermPlaces = [.. wordTerms.Select(Place)];
        return new StoredAnalysis([.. strings], termPlaces, signals, analysis.Length, wordPlaces, wordTermPlaces, analysis.PairBuckets(), analysis.Snippet);
    }

    /// <summary>The analysis in this build's numbers.</summary>
    /// <exception cref="InvalidDataException">The record refers to strings it does not hold.</exception>
    public ArticleAnalysis ToAnalysis(TermTable table)
    {
        var ids = Strings.Select(table.Id).ToArray();
        int Id(int place) => place >= 0 && place < ids.Length ? ids[place] : throw new InvalidDataException("a string the analysis does not hold");
        var terms = Terms.Select(Id).ToArray();
        var words = Words.Select(Id).ToArray();
        var wordTerms = WordTerms.Select(Id).ToArray();
        return new ArticleAnalysis(terms, Signals, Length, words, wordTerms, PairBuckets, Snippet);
    }
}
