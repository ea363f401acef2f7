using NewsSite.Output;
using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class SearchAnalysisCacheTests : IDisposable
{
    private static readonly Hash128 Context = new(11, 7);
    private readonly string _folder = Directory.CreateTempSubdirectory("newssite-analysis-").FullName;

    private string CachePath => Path.Combine(_folder, SearchAnalysisCache.FileName);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ArticleAnalysis Analyse(TermTable table, string headline, string body) =>
        new ArticleAnalyzer(table).Analyse(new SearchText([WeightedText.Headline(headline), WeightedText.Body(body)], headline));

    /// <summary>What an analysis says, in strings: the same whatever numbers a table gave them.</summary>
    private static string Describe(ArticleAnalysis analysis, TermTable table)
    {
        var (terms, frequencies) = analysis.TermFrequencies();
        var (words, wordTerms) = analysis.WordTerms();
        return string.Join(' ', terms.Select((t, i) => $"{table[t]}={frequencies[i]}").Order(StringComparer.Ordinal))
            + " | " + string.Join(' ', words.Select((w, i) => $"{table[w]}>{table[wordTerms[i]]}").Order(StringComparer.Ordinal))
            + $" | {analysis.Length} | {analysis.Snippet} | " + string.Join(' ', analysis.PairBuckets());
    }

    [Fact]
    public void Analyses_read_back_say_what_was_saved_and_a_later_save_keeps_them_byte_for_byte()
    {
        var first = new TermTable();
        var monsoon = Analyse(first, "Monsoon arrives early", "Rain reached the coast on Tuesday.");
        var markets = Analyse(first, "Markets rally", "Shares rose as the rain lifted farm stocks.");
        SearchAnalysisCache.Save(CachePath, Context, first, [(Key(1), monsoon), (Key(2), markets)], SearchAnalysisCache.Empty);

        var second = new TermTable();
        var read = SearchAnalysisCache.Load(CachePath, Context, second);
        Assert.True(read.TryGet(Key(1), out var monsoonRead));
        Assert.Equal(Describe(monsoon, first), Describe(monsoonRead, second));

        // The next build keeps both articles and adds one with words the cache has never seen.
        Assert.True(read.TryGet(Key(2), out var marketsRead));
        var election = Analyse(second, "Election results", "Turnout was the highest in decades.");
        SearchAnalysisCache.Save(CachePath, Context, second, [(Key(1), monsoonRead), (Key(2), marketsRead), (Key(3), election)], read);

        var third = new TermTable();
        var again = SearchAnalysisCache.Load(CachePath, Context, third);
        Assert.Equal(3, again.Count);
        Assert.True(again.TryGet(Key(1), out var monsoonAgain));
        Assert.True(again.TryGet(Key(3), out var electionAgain));
        Assert.Equal(Describe(monsoon, first), Describe(monsoonAgain, third));
        Assert.Equal(Describe(election, second), Describe(electionAgain, third));
        Assert.True(monsoonRead.PackedTerms.SequenceEqual(monsoonAgain.PackedTerms));
        Assert.True(monsoonRead.PackedWords.SequenceEqual(monsoonAgain.PackedWords));
    }

    [Fact]
    public void Once_many_strings_are_unused_the_file_keeps_only_the_used_ones()
    {
        var table = new TermTable();
        var entries = Enumerable.Range(0, 20)
            .Select(i => (Key(i), Analyse(table, $"Story {i}", $"Word{i}a word{i}b word{i}c shared text.")))
            .ToList();
        SearchAnalysisCache.Save(CachePath, Context, table, entries, SearchAnalysisCache.Empty);

        var next = new TermTable();
        var read = SearchAnalysisCache.Load(CachePath, Context, next);
        Assert.True(read.TryGet(Key(0), out var kept));
        SearchAnalysisCache.Save(CachePath, Context, next, [(Key(0), kept)], read);

        var last = new TermTable();
        var compacted = SearchAnalysisCache.Load(CachePath, Context, last);
        Assert.True(compacted.TryGet(Key(0), out var keptAgain));
        Assert.Equal(Describe(kept, next), Describe(keptAgain, last));
        var references = new int[last.Count];
        keptAgain.CountStrings(references, 1);
        Assert.All(references, count => Assert.True(count > 0));
        Assert.True(last.Count < read.StringCount / 4, $"{last.Count} strings kept of {read.StringCount}");
    }

    [Fact]
    public void A_save_that_keeps_every_analysis_writes_the_file_it_read()
    {
        var table = new TermTable();
        var entries = Enumerable.Range(0, 5).Select(i => (Key(i), Analyse(table, $"Story {i}", $"Words of story {i}, café included."))).ToList();
        SearchAnalysisCache.Save(CachePath, Context, table, entries, SearchAnalysisCache.Empty);
        var before = File.ReadAllBytes(CachePath);

        var next = new TermTable();
        var read = SearchAnalysisCache.Load(CachePath, Context, next);
        var again = entries.Select(e => (e.Item1, read.TryGet(e.Item1, out var a) ? a : throw new InvalidOperationException())).ToList();
        SearchAnalysisCache.Save(CachePath, Context, next, again, read);

        Assert.Equal(before, File.ReadAllBytes(CachePath));
    }

    /// <summary>
    /// Build after build, one article of thirty is rewritten with words of its own. A save finds the unused strings
    /// from the counts the file carries, not from every analysis; whatever the history, a file never holds more
    /// than a quarter of unused strings, and it is compacted when it would.
    /// </summary>
    [Fact]
    public void Build_after_build_no_file_holds_more_than_a_quarter_of_unused_strings()
    {
        var random = new Random(5);
        string Words(int round) => string.Join(' ', Enumerable.Range(0, 12).Select(_ => $"w{round}x{random.Next(1000)}"));
        var table = new TermTable();
        var entries = Enumerable.Range(0, 30).Select(i => (Key(i), Analyse(table, $"Story {i}", Words(0)))).ToList();
        SearchAnalysisCache.Save(CachePath, Context, table, entries, SearchAnalysisCache.Empty);
        var compactions = 0;
        var lastCount = 0;

        for (var round = 1; round <= 80; round++)
        {
            table = new TermTable();
            var read = SearchAnalysisCache.Load(CachePath, Context, table);
            Assert.Equal(30, read.Count);
            if (read.StringCount < lastCount)
            {
                compactions++;
            }

            lastCount = read.StringCount;
            var references = new int[table.Count];
            foreach (var key in read.Keys)
            {
                Assert.True(read.TryGet(key, out var analysis));
                analysis.CountStrings(references, 1);
            }

            var unused = references.Count(r => r == 0);
            Assert.True(unused * 4 <= references.Length, $"round {round}: {unused} of {references.Length} strings unused");
            var changed = random.Next(30);
            var keyOf = (int i) => i == changed ? Key(1000 + round) : entries[i].Item1;
            entries = [.. Enumerable.Range(0, 30).Select(i => (keyOf(i), i == changed ? Analyse(table, $"Story {i}", Words(round)) : Get(read, entries[i].Item1)))];
            SearchAnalysisCache.Save(CachePath, Context, table, entries, read);
        }

        Assert.True(compactions >= 2, $"{compactions} compactions");
    }

    private static ArticleAnalysis Get(SearchAnalysisCache cache, Hash128 key) => cache.TryGet(key, out var analysis) ? analysis : throw new InvalidOperationException();

    [Fact]
    public void A_damaged_or_foreign_file_reads_as_an_empty_cache()
    {
        var table = new TermTable();
        SearchAnalysisCache.Save(CachePath, Context, table, [(Key(1), Analyse(table, "Headline", "Body text."))], SearchAnalysisCache.Empty);
        Assert.Equal(0, SearchAnalysisCache.Load(CachePath, new Hash128(1, 1), new TermTable()).Count);

        var bytes = File.ReadAllBytes(CachePath);
        bytes[^3] ^= 0x5a;
        File.WriteAllBytes(CachePath, bytes);
        Assert.Equal(0, SearchAnalysisCache.Load(CachePath, Context, new TermTable()).Count);
    }

    /// <summary>
    /// A file whose checksum is right but whose payload is not (a bug, or a file from elsewhere) is still checked
    /// number by number: whatever byte is changed or wherever it is cut, loading never throws, and what loads
    /// indexes without a string number out of range.
    /// </summary>
    [Fact]
    public void A_garbled_payload_with_a_valid_checksum_never_throws()
    {
        var table = new TermTable();
        SearchAnalysisCache.Save(CachePath, Context, table, [(Key(1), Analyse(table, "Monsoon floods", "Rain closed the schools of the coast."))], SearchAnalysisCache.Empty);
        var original = File.ReadAllBytes(CachePath);
        const int header = 40;

        for (var at = header; at < original.Length; at++)
        {
            foreach (var payload in new[] { With(original[header..], at - header, 0x7F), With(original[header..], at - header, 0xFF), With(original[header..], at - header, 0x00), original[header..at] })
            {
                var bytes = original[..header].Concat(payload).ToArray();
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(24), payload.Length);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(32), System.IO.Hashing.XxHash3.HashToUInt64(payload));
                File.WriteAllBytes(CachePath, bytes);

                var read = new TermTable();
                var cache = SearchAnalysisCache.Load(CachePath, Context, read);
                if (cache.TryGet(Key(1), out var analysis))
                {
                    analysis.CountStrings(new int[read.Count], 1);
                }
            }
        }
    }

    private static byte[] With(byte[] bytes, int at, byte value)
    {
        var copy = bytes.ToArray();
        copy[at] = value;
        return copy;
    }

    private static Hash128 Key(int number) => new((ulong)number, 0);
}
