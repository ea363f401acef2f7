using System.Collections.Concurrent;

namespace NewsSite.Search;

/// <summary>An article to index: what results show, and its text by field.</summary>
internal sealed record SearchSource(IndexedDocument Document, IReadOnlyList<WeightedText> Fields);

/// <summary>
/// Builds the inverted index. Articles are analysed in parallel into small per-article term tables; the merge
/// runs in document order, so the index never depends on which thread finished first.
/// </summary>
internal static class SearchIndexBuilder
{
    public static SearchIndex Build(IReadOnlyList<SearchSource> sources, IReadOnlyList<(string Slug, string Name)> sections) =>
        Build(sources.Count, i => sources[i], sections);

    /// <summary>
    /// Builds from sources made on demand, so that only one article's text per thread is held at a time.
    /// </summary>
    public static SearchIndex Build(int count, Func<int, SearchSource> source, IReadOnlyList<(string Slug, string Name)> sections)
    {
        var stems = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var termPool = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var words = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var analysed = new DocumentTerms[count];
        var documents = new IndexedDocument[count];
        Parallel.For(0, count, i =>
        {
            var item = source(i);
            documents[i] = item.Document;
            analysed[i] = Analyse(item.Fields, stems, termPool, words);
        });

        var averageLength = analysed.Length == 0 ? 0 : analysed.Average(d => d.Length);
        var postings = new SortedDictionary<string, PostingList>(StringComparer.Ordinal);
        for (var document = 0; document < analysed.Length; document++)
        {
            var entry = analysed[document];
            for (var i = 0; i < entry.Terms.Length; i++)
            {
                if (!postings.TryGetValue(entry.Terms[i], out var list))
                {
                    list = new PostingList();
                    postings[entry.Terms[i]] = list;
                }

                list.Add(document, TermWeighting.Level(entry.Frequencies[i], entry.Length, averageLength));
            }
        }

        var prefixWords = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, term) in words)
        {
            prefixWords[word] = term;
        }

        return new SearchIndex
        {
            Documents = documents,
            Sections = sections,
            Terms = postings,
            Words = prefixWords,
        };
    }

    /// <summary>True when some prefix of the word, other than the word itself, is not a prefix of its term.</summary>
    public static bool NeedsWordEntry(string word, string term)
    {
        var common = 0;
        while (common < word.Length && common < term.Length && word[common] == term[common])
        {
            common++;
        }

        return word.Length - common >= 2;
    }

    private static DocumentTerms Analyse(IReadOnlyList<WeightedText> fields, ConcurrentDictionary<string, string> stems, ConcurrentDictionary<string, string> termPool, ConcurrentDictionary<string, string> words)
    {
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        var length = 0.0;
        foreach (var field in fields)
        {
            foreach (var word in SearchAnalyzer.Words(field.Text))
            {
                // A news archive has a small vocabulary: stem each word once, and share one string per term.
                if (!stems.TryGetValue(word, out var term))
                {
                    var stemmed = EnglishStemmer.Stem(word);
                    term = stems.GetOrAdd(word, termPool.GetOrAdd(stemmed, stemmed));
                    if (NeedsWordEntry(word, term))
                    {
                        words.TryAdd(word, term);
                    }
                }

                frequencies[term] = frequencies.GetValueOrDefault(term) + field.Weight;
                length += field.Weight;
            }
        }

        var keys = frequencies.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return new DocumentTerms(keys, [.. keys.Select(k => frequencies[k])], length);
    }

    private sealed record DocumentTerms(string[] Terms, double[] Frequencies, double Length);
}
