using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class PostingListTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(31, "v")]
    [InlineData(32, "B0")]
    [InlineData(1023, ")v")]
    [InlineData(1024, "BA0")]
    public void Numbers_are_written_in_base_32_with_a_marked_last_digit(int value, string text)
    {
        Assert.Equal(text, VarintText.Encode([value]));
        Assert.Equal([value], VarintText.Decode(text));
    }

    [Fact]
    public void Any_sequence_of_numbers_reads_back_the_same()
    {
        int[] values = [0, 1, 31, 32, 33, 1023, 1024, 65_535, 1_000_000, int.MaxValue];
        Assert.Equal(values, VarintText.Decode(VarintText.Encode(values)));
    }

    [Fact]
    public void The_encoding_needs_no_escaping_in_JSON()
    {
        var digits = System.Text.Encoding.ASCII.GetString(VarintText.Last) + System.Text.Encoding.ASCII.GetString(VarintText.More);
        var json = System.Text.Json.JsonSerializer.Serialize(digits);
        Assert.Equal("\"" + digits + "\"", json);
    }

    [Fact]
    public void Postings_round_trip_with_their_levels()
    {
        var list = new PostingList();
        (int, int)[] postings = [(0, 15), (1, 1), (2, 7), (500, 3), (9_999, 15)];
        foreach (var (document, level) in postings)
        {
            list.Add(document, level);
        }

        Assert.Equal(postings, PostingList.Decode(list.Encode()));
    }

    [Fact]
    public void Neighbouring_articles_cost_one_character_each()
    {
        var list = new PostingList();
        for (var document = 0; document < 100; document++)
        {
            list.Add(document, 9);
        }

        Assert.Equal(100, list.Encode().Length);
    }

    [Fact]
    public void The_bytes_are_the_characters_of_the_encoding()
    {
        var list = new PostingList();
        list.Add(3, 2);
        list.Add(40, 15);
        Assert.Equal(list.Encode(), System.Text.Encoding.ASCII.GetString(list.Utf8));
        Assert.Equal(VarintText.Encode([(3 * 32) + 1, (36 * 32) + 14]), list.Encode());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    public void A_list_sized_from_its_documents_alone_is_exactly_full_whatever_the_levels(int level)
    {
        // Gaps of 2, 3, 65 and 2,049 put the value next to a digit boundary (32, 1,024, 32,768).
        int[] documents = [0, 1, 3, 6, 71, 72, 2_121, 4_169, 1_000_000];
        var size = 0;
        var previous = -1;
        foreach (var document in documents)
        {
            size += PostingList.Bytes(previous, document);
            previous = document;
        }

        var list = new PostingList(size);
        foreach (var document in documents)
        {
            list.Add(document, level);
        }

        Assert.Equal(size, list.Utf8.Length);
        Assert.Equal(documents, PostingList.Decode(list.Encode()).Select(p => p.Document));
        Assert.All(PostingList.Decode(list.Encode()), p => Assert.Equal(level, p.Level));
    }

    [Fact]
    public void Postings_must_come_in_document_order()
    {
        var list = new PostingList();
        list.Add(5, 1);
        Assert.Throws<InvalidOperationException>(() => list.Add(5, 1));
    }
}
