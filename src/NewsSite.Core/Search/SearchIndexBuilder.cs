using System.Numerics;
using NewsSite.Caching;

namespace NewsSite.Search;

/// <summary>An article to index: what results show, and its text by field.</summary>
internal sealed record SearchSource(IndexedDocument Document, IReadOnlyList<WeightedText> Fields);

/// <summary>
/// Builds the inverted index from the articles' analyses. The merge runs in document order and sorts the terms
/// once at the end, so the index never depends on which thread finished first or on the numbers terms were given.
/// </summary>
internal static class SearchIndexBuilder
{
    /// <summary>The fewest articles in a block of pairs; larger sites have up to 32 blocks, a power of two each.</summary>
    private const int MinimumPairBlock = 1024;

    private static readonly CacheQuery<PairBlock> PairBlocks = new("search-pairs");

    /// <summary>Analyses and indexes articles whose text is at hand (tests and benchmarks).</summary>
    public static SearchIndex Build(IReadOnlyList<SearchSource> sources, IReadOnlyList<(string Slug, string Name)> sections)
    {
        var articles = sources.Select(s => new SearchArticle(
            s.Document.Url, s.Document.Headline, s.Document.SectionIndex, s.Document.Date, s.Document.DisplayDate, s.Document.IsoDate, default,
            () => new SearchText(s.Fields, s.Document.Snippet))).ToList();
        var table = new TermTable();
        var analyzer = new ArticleAnalyzer(table);
        return Build(articles, [.. articles.Select(a => analyzer.Analyse(a.Text()))], table, sections, BuildCache.None, _ => { });
    }

    /// <param name="analyses">One per article, each let go (set to null) once both its terms and its pairs are indexed.</param>
    /// <param name="cache">Where the pairs of each block of articles are kept for the next build.</param>
    /// <param name="pairsBuilt">Called with the pairs, on their thread, as soon as they are built (to write them there).</param>
    /// <remarks>The pairs (most of the postings) are indexed on a thread of their own beside the terms.</remarks>
    public static SearchIndex Build(
        IReadOnlyList<SearchArticle> articles, ArticleAnalysis?[] analyses, TermTable table, IReadOnlyList<(string Slug, string Name)> sections, IBuildCache cache, Action<PairIndex> pairsBuilt)
    {
        var users = new int[analyses.Length];
        Array.Fill(users, 2);
        void Indexed(int document)
        {
            if (Interlocked.Decrement(ref users[document]) == 0)
            {
                analyses[document] = null;
            }
        }

        var pairs = Task.Run(() =>
        {
            var built = BuildPairs(articles, analyses, cache, Indexed);
            pairsBuilt(built);
            return built;
        });
        return BuildTerms(articles, analyses, table, sections, Indexed, pairs);
    }

    /// <summary>
    /// The pairs, a block of consecutive articles at a time; a block whose articles' analyses are those of a block
    /// the last build kept is taken from the cache. Ids run oldest first, so a new article or an edited one changes
    /// one block.
    /// </summary>
    private static PairIndex BuildPairs(IReadOnlyList<SearchArticle> articles, ArticleAnalysis?[] analyses, IBuildCache cache, Action<int> indexed)
    {
        var size = Math.Max(MinimumPairBlock, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, analyses.Length / 32)));
        var blocks = new List<PairBlock>();
        for (var first = 0; first < analyses.Length; first += size)
        {
            var end = Math.Min(first + size, analyses.Length);
            var key = new ContentHash.Builder().Add(first).Add(Enumerable.Range(first, end - first).Select(d => articles[d].Key)).Finish();
            if (!cache.TryGet(PairBlocks, key, out var block) || !block.IsSound(first, end))
            {
                block = PairBlockOf(analyses, first, end);
                cache.Put(PairBlocks, key, block);
            }

            blocks.Add(block);
            for (var document = first; document < end; document++)
            {
                indexed(document);
            }
        }

        return new PairIndex(blocks);
    }

    private static PairBlock PairBlockOf(ArticleAnalysis?[] analyses, int first, int end)
    {
        var postings = new PairPostings(first);
        for (var document = first; document < end; document++)
        {
            for (var pairs = PackedPairs.Read(analyses[document]!.PackedPairBuckets, values: false); pairs.Next(out var bucket, out _);)
            {
                postings.Reserve(bucket, document);
            }
        }

        for (var document = first; document < end; document++)
        {
            for (var pairs = PackedPairs.Read(analyses[document]!.PackedPairBuckets, values: false); pairs.Next(out var bucket, out _);)
            {
                postings.Add(bucket, document);
            }
        }

        return postings.Finish();
    }

    /// <summary>The documents and the terms' side of the index, then the pairs built beside it.</summary>
    private static SearchIndex BuildTerms(
        IReadOnlyList<SearchArticle> articles, ArticleAnalysis?[] analyses, TermTable table, IReadOnlyList<(string Slug, string Name)> sections, Action<int> indexed, Task<PairIndex> pairs)
    {
        var strings = table.ToArray();
        var documents = new IndexedDocument[articles.Count];
        var totalLength = 0L;
        var bodyLengths = new int[analyses.Length];
        var headlineLengths = new int[analyses.Length];

        // A first pass sizes each term's list (levels do not change sizes), so each is made once, at its size.
        var capacity = new int[strings.Length];
        var last = new int[strings.Length];
        Array.Fill(last, -1);
        var isWord = new bool[strings.Length];
        var wordTerm = new int[strings.Length];
        for (var document = 0; document < analyses.Length; document++)
        {
            var analysis = analyses[document]!;
            documents[document] = articles[document].Document(analysis.Utf8Snippet);
            totalLength += analysis.Length;
            bodyLengths[document] = analysis.Length;
            headlineLengths[document] = analysis.HeadlineLength;
            for (var terms = PackedPairs.Read(analysis.PackedTerms); terms.Next(out var term, out _);)
            {
                capacity[term] += PostingList.Bytes(last[term], document);
                last[term] = document;
            }

            for (var words = PackedPairs.Read(analysis.PackedWords); words.Next(out var word, out var term);)
            {
                isWord[word] = true;
                wordTerm[word] = term;
            }
        }

        // Lengths are whole numbers, so this is the same average as summing doubles.
        var averageLength = analyses.Length == 0 ? 0 : (double)totalLength / analyses.Length;
        var postings = new PostingList?[strings.Length];
        for (var document = 0; document < analyses.Length; document++)
        {
            var analysis = analyses[document]!;
            for (var terms = PackedPairs.Read(analysis.PackedTerms); terms.Next(out var term, out var signal);)
            {
                (postings[term] ??= new PostingList(capacity[term])).Add(document, TermWeighting.Level(signal, analysis.Length, averageLength));
            }

            indexed(document);
        }

        var termKeys = new List<string>();
        var termValues = new List<PostingList>();
        var wordKeys = new List<string>();
        var wordValues = new List<string>();
        for (var id = 0; id < strings.Length; id++)
        {
            if (postings[id] is { } list)
            {
                termKeys.Add(strings[id]);
                termValues.Add(list);
            }

            if (isWord[id])
            {
                wordKeys.Add(strings[id]);
                wordValues.Add(strings[wordTerm[id]]);
            }
        }

        return new SearchIndex
        {
            Documents = documents,
            Sections = sections,
            Terms = Sorted(termKeys, termValues),
            Words = Sorted(wordKeys, wordValues),
            Pairs = pairs.GetAwaiter().GetResult(),
            BodyLengths = bodyLengths,
            HeadlineLengths = headlineLengths,
        };
    }

    /// <summary>A sorted list of distinct keys, sorted once: added in order, each key goes at the end.</summary>
    private static SortedList<string, T> Sorted<T>(List<string> keys, List<T> values)
    {
        var (keyArray, valueArray) = (keys.ToArray(), values.ToArray());
        Array.Sort(keyArray, valueArray, StringComparer.Ordinal);
        var sorted = new SortedList<string, T>(keyArray.Length, StringComparer.Ordinal);
        for (var i = 0; i < keyArray.Length; i++)
        {
            sorted.Add(keyArray[i], valueArray[i]);
        }

        return sorted;
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
}
