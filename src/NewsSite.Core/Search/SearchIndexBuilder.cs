namespace NewsSite.Search;

/// <summary>An article to index: what results show, and its text by field.</summary>
internal sealed record SearchSource(IndexedDocument Document, IReadOnlyList<WeightedText> Fields);

/// <summary>
/// Builds the inverted index from the articles' analyses. The merge runs in document order and sorts the terms
/// once at the end, so the index never depends on which thread finished first or on the numbers terms were given.
/// </summary>
internal static class SearchIndexBuilder
{
    /// <summary>Analyses and indexes articles whose text is at hand (tests and benchmarks).</summary>
    public static SearchIndex Build(IReadOnlyList<SearchSource> sources, IReadOnlyList<(string Slug, string Name)> sections)
    {
        var articles = sources.Select(s => new SearchArticle(
            s.Document.Url, s.Document.Headline, s.Document.SectionIndex, s.Document.Date, s.Document.DisplayDate, s.Document.IsoDate, default,
            () => new SearchText(s.Fields, s.Document.Snippet))).ToList();
        var table = new TermTable();
        var analyzer = new ArticleAnalyzer(table);
        return Build(articles, [.. articles.Select(a => analyzer.Analyse(a.Text()))], table, sections);
    }

    /// <param name="analyses">One per article, each let go (set to null) once both its terms and its pairs are indexed.</param>
    /// <remarks>The pairs (most of the postings) are indexed on a thread of their own beside the terms.</remarks>
    public static SearchIndex Build(IReadOnlyList<SearchArticle> articles, ArticleAnalysis?[] analyses, TermTable table, IReadOnlyList<(string Slug, string Name)> sections)
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

        var pairs = Task.Run(() => BuildPairs(analyses, Indexed));
        return BuildTerms(articles, analyses, table, sections, Indexed, pairs);
    }

    private static PairPostings BuildPairs(ArticleAnalysis?[] analyses, Action<int> indexed)
    {
        var pairPostings = new PairPostings();
        for (var document = 0; document < analyses.Length; document++)
        {
            for (var pairs = PackedPairs.Read(analyses[document]!.PackedPairBuckets, values: false); pairs.Next(out var bucket, out _);)
            {
                pairPostings.Reserve(bucket, document);
            }
        }

        for (var document = 0; document < analyses.Length; document++)
        {
            for (var pairs = PackedPairs.Read(analyses[document]!.PackedPairBuckets, values: false); pairs.Next(out var bucket, out _);)
            {
                pairPostings.Add(bucket, document);
            }

            indexed(document);
        }

        return pairPostings;
    }

    /// <summary>The documents and the terms' side of the index, then the pairs built beside it.</summary>
    private static SearchIndex BuildTerms(
        IReadOnlyList<SearchArticle> articles, ArticleAnalysis?[] analyses, TermTable table, IReadOnlyList<(string Slug, string Name)> sections, Action<int> indexed, Task<PairPostings> pairs)
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
            for (var terms = PackedPairs.Read(analysis.PackedTerms); terms.Next(out var number, out _);)
            {
                var term = analysis.Id(number);
                capacity[term] += PostingList.Bytes(last[term], document);
                last[term] = document;
            }

            for (var words = PackedPairs.Read(analysis.PackedWords); words.Next(out var word, out var term);)
            {
                isWord[analysis.Id(word)] = true;
                wordTerm[analysis.Id(word)] = analysis.Id(term);
            }
        }

        // Lengths are whole numbers, so this is the same average as summing doubles.
        var averageLength = analyses.Length == 0 ? 0 : (double)totalLength / analyses.Length;
        var postings = new PostingList?[strings.Length];
        for (var document = 0; document < analyses.Length; document++)
        {
            var analysis = analyses[document]!;
            for (var terms = PackedPairs.Read(analysis.PackedTerms); terms.Next(out var number, out var signal);)
            {
                var term = analysis.Id(number);
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
            Terms = new SortedKeyTable<PostingList>([.. termKeys], [.. termValues]),
            Words = new SortedKeyTable<string>([.. wordKeys], [.. wordValues]),
            Pairs = pairs.GetAwaiter().GetResult(),
            BodyLengths = bodyLengths,
            HeadlineLengths = headlineLengths,
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
}
