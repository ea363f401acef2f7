using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class SearchIndexBuilderTests
{
    private static SearchSource Source(int id, string headline, string body) => new(
        new IndexedDocument($"/a/{id}/", headline, 0, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(id), "1 Jan 2025", "2025-01-01T00:00:00+00:00", ""),
        [WeightedText.Headline(headline), WeightedText.Body(body)]);

    private static SearchIndex Build(params SearchSource[] sources) => SearchIndexBuilder.Build(sources, [("world", "World")]);

    [Fact]
    public void Each_term_lists_the_articles_it_occurs_in_in_id_order()
    {
        var index = Build(Source(0, "Monsoon arrives", "Rain everywhere."), Source(1, "Markets", "The monsoon lifted shares."), Source(2, "Sport", "Nothing."));
        Assert.Equal([0, 1], index.Terms["monsoon"].Documents);
        Assert.Equal([1], index.Terms["share"].Documents);
        Assert.False(index.Terms.ContainsKey("the"));
    }

    [Fact]
    public void A_headline_match_gets_a_higher_level_than_a_body_match()
    {
        var index = Build(Source(0, "Monsoon arrives", "Rain everywhere today."), Source(1, "Markets rise", "The monsoon lifted shares today."));
        var levels = index.Terms["monsoon"].Levels;
        Assert.True(levels[0] > levels[1], $"headline {levels[0]}, body {levels[1]}");
    }

    [Fact]
    public void Words_whose_prefixes_the_stem_does_not_cover_are_listed_with_their_term()
    {
        var index = Build(Source(0, "Elections called", "Runs and happy voters."));
        Assert.Equal("elect", index.Words["elections"]);
        Assert.False(index.Words.ContainsKey("runs"));
        Assert.False(index.Words.ContainsKey("happy"));
    }

    [Theory]
    [InlineData("elections", "elect", true)]
    [InlineData("election", "elect", true)]
    [InlineData("runs", "run", false)]
    [InlineData("happy", "happi", false)]
    [InlineData("monsoon", "monsoon", false)]
    public void Word_entries_are_needed_only_past_the_stem_by_two_letters(string word, string term, bool needed) =>
        Assert.Equal(needed, SearchIndexBuilder.NeedsWordEntry(word, term));

    [Fact]
    public void The_index_does_not_depend_on_thread_timing()
    {
        var sources = Enumerable.Range(0, 200).Select(i => Source(i, $"Story {i % 7} about topic{i % 13}", string.Join(' ', Enumerable.Repeat($"word{i % 17} filler{i % 5}", i % 9 + 1)))).ToArray();
        var first = Build(sources);
        var second = Build(sources);
        Assert.Equal(first.Terms.Keys, second.Terms.Keys);
        Assert.All(first.Terms, pair => Assert.Equal(pair.Value.Encode(), second.Terms[pair.Key].Encode()));
    }

    [Fact]
    public void Neighbouring_words_are_listed_as_pairs_in_their_order_with_the_stop_words_between_them()
    {
        var index = Build(
            Source(0, "Prices", "A rise in prices hit farmers."),
            Source(1, "Prices", "Prices rise as farmers hit back."),
            Source(2, "Rise", "Prices hit a record; farmers saw the rise."));
        Assert.Equal([0], index.Pairs.Documents(WordPairs.Bucket("rise", ["in"], "price")));
        Assert.Empty(index.Pairs.Documents(WordPairs.Bucket("rise", "price")));
        Assert.Empty(index.Pairs.Documents(WordPairs.Bucket("rise", ["of"], "price")));
        Assert.Equal([1], index.Pairs.Documents(WordPairs.Bucket("price", "rise")));
        Assert.Equal([0, 2], index.Pairs.Documents(WordPairs.Bucket("price", "hit")));
        Assert.Equal([0], index.Pairs.Documents(WordPairs.Bucket("hit", "farmer")));
        // Three in a row: "prices hit farmers" in the first, "prices hit a record" in the third.
        Assert.Equal([0], index.Pairs.Documents(WordPairs.Bucket("price", "hit", "farmer")));
        Assert.Equal([2], index.Pairs.Documents(WordPairs.Bucket("price", "hit", "record")));
    }

    [Fact]
    public void Pair_lists_run_on_across_the_blocks_they_are_built_and_kept_in()
    {
        // More than 1,024 articles make two blocks; a list's first gap in the second is counted from the first's last.
        int[] holders = [5, 1022, 1023, 1024, 1090];
        var sources = Enumerable.Range(0, 1100)
            .Select(i => Source(i, $"Story {i}", holders.Contains(i) ? "A flood warning for the river." : "Prices rise again."))
            .ToArray();
        var index = Build(sources);
        Assert.Equal(holders, index.Pairs.Documents(WordPairs.Bucket("flood", "warn")));
        Assert.Equal(Enumerable.Range(0, 1100).Except(holders), index.Pairs.Documents(WordPairs.Bucket("price", "rise")));
    }

    [Fact]
    public void A_pair_block_as_made_is_sound_and_is_kept()
    {
        (int Bucket, int Document)[] postings = [(3, 1024), (3, 1030), (7, 1025), (WordPairs.Buckets - 1, 2047)];
        var made = new PairPostings(1024);
        foreach (var (bucket, document) in postings)
        {
            made.Reserve(bucket, document);
        }

        foreach (var (bucket, document) in postings)
        {
            made.Add(bucket, document);
        }

        var block = made.Finish();
        Assert.True(block.IsSound(1024, 2048));
        Assert.False(block.IsSound(1024, 2047));
        Assert.Equal([1024, 1030], new PairIndex([block]).Documents(3));
    }

    [Fact]
    public void A_pair_block_that_could_not_have_been_made_here_is_not_sound()
    {
        // Articles 10 to 49; bucket 0 lists article 43 ("B1": gap 33 from 9), every other bucket is empty.
        var ends = new int[WordPairs.Buckets];
        var lasts = new int[WordPairs.Buckets];
        Array.Fill(ends, 2);
        Array.Fill(lasts, 9);
        lasts[0] = 43;
        static int[] With(int[] values, int at, int value) => [.. values.Select((v, i) => i == at ? value : v)];
        Assert.True(new PairBlock(10, ends, lasts, "B1"u8.ToArray()).IsSound(10, 50));
        Assert.False(new PairBlock(10, ends, lasts, "B1x"u8.ToArray()).IsSound(10, 50));
        Assert.False(new PairBlock(10, ends, lasts, "BB"u8.ToArray()).IsSound(10, 50));
        Assert.False(new PairBlock(10, ends[1..], lasts, "B1"u8.ToArray()).IsSound(10, 50));
        Assert.False(new PairBlock(10, With(ends, 7, 1), lasts, "B1"u8.ToArray()).IsSound(10, 50));
        Assert.False(new PairBlock(10, ends, With(lasts, 7, 3), "B1"u8.ToArray()).IsSound(10, 50));
        // A last id past the block, or a first id after the last: joining blocks would count a gap backwards.
        Assert.False(new PairBlock(10, ends, lasts, "B1"u8.ToArray()).IsSound(10, 43));
        Assert.False(new PairBlock(10, ends, With(lasts, 0, 40), "B1"u8.ToArray()).IsSound(10, 50));
        // A block kept for another place in the site.
        Assert.False(new PairBlock(10, ends, lasts, "B1"u8.ToArray()).IsSound(11, 50));
    }

    [Fact]
    public void Two_terms_of_a_headline_are_listed_in_their_order_however_far_apart_and_only_for_the_headline()
    {
        static int Order(string first, string second) =>
            WordPairs.HeadlineOrderBucket(WordPairs.TermHash(first), WordPairs.TermHash(second));
        var index = Build(
            Source(0, "Flood warning issued as the river rises", "Nothing more."),
            Source(1, "River rises", "A flood warning was issued."));
        Assert.Equal([0], index.Pairs.Documents(Order("flood", "river")));
        Assert.Equal([0, 1], index.Pairs.Documents(Order("river", "rise")));
        Assert.Empty(index.Pairs.Documents(Order("river", "flood")));
        // The second article's flood and warning are in its body, side by side but not in its headline.
        Assert.Equal([0], index.Pairs.Documents(Order("flood", "warn")));
    }

    [Fact]
    public void A_pair_is_not_made_across_two_fields()
    {
        var index = Build(Source(0, "Monsoon", "Arrives early."));
        Assert.Empty(index.Pairs.Documents(WordPairs.Bucket("monsoon", "arriv")));
        Assert.Equal([0], index.Pairs.Documents(WordPairs.Bucket("arriv", "earli")));
    }

    [Fact]
    public void A_headline_word_is_flagged_and_weighs_more_than_repetition_in_the_body()
    {
        var index = Build(Source(0, "Monsoon arrives", "Rain."), Source(1, "Markets", "Monsoon monsoon monsoon monsoon monsoon rain."));
        var levels = index.Terms["monsoon"].Levels;
        Assert.True(levels[0] > 16, $"headline level {levels[0]}");
        Assert.InRange((int)levels[1], 2, 16);
    }
}
