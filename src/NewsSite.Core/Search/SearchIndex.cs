namespace NewsSite.Search;

/// <summary>An article as search results show it; its position in <see cref="SearchIndex.Documents"/> is its id.</summary>
/// <remarks>The snippet is held as UTF-8, as it is written: every document is held until the index is written.</remarks>
internal sealed record IndexedDocument(
    string Url,
    string Headline,
    int SectionIndex,
    DateTimeOffset Date,
    string DisplayDate,
    string IsoDate,
    ReadOnlyMemory<byte> Utf8Snippet)
{
    public IndexedDocument(string url, string headline, int sectionIndex, DateTimeOffset date, string displayDate, string isoDate, string snippet)
        : this(url, headline, sectionIndex, date, displayDate, isoDate, System.Text.Encoding.UTF8.GetBytes(snippet))
    {
    }

    public string Snippet => System.Text.Encoding.UTF8.GetString(Utf8Snippet.Span);
}

/// <summary>The inverted index of the articles a site makes searchable, ready to be written.</summary>
internal sealed class SearchIndex
{
    public required IReadOnlyList<IndexedDocument> Documents { get; init; }

    /// <summary>Sections a result can be filtered by: (slug, name), in navigation order.</summary>
    public required IReadOnlyList<(string Slug, string Name)> Sections { get; init; }

    /// <summary>Terms (stems) in ordinal order, with their postings.</summary>
    public required SortedList<string, PostingList> Terms { get; init; }

    /// <summary>
    /// Words that a typed prefix could not otherwise reach, with their term: "election" -> "elect" lets
    /// "electi" find "elect". A word that differs from its stem only in its last letter ("runs", "happy") is not
    /// listed: every prefix of it but the whole word is a prefix of the stem too.
    /// </summary>
    public required SortedList<string, string> Words { get; init; }

    /// <summary>The articles that hold each bucket of neighbouring-term pairs (<see cref="WordPairs"/>).</summary>
    public required PairIndex Pairs { get; init; }

    /// <summary>Each document's body length in indexed words, by id: phrases are normalised by it.</summary>
    public required IReadOnlyList<int> BodyLengths { get; init; }

    /// <summary>Each document's headline length in indexed words, by id: headline words are normalised by it.</summary>
    public required IReadOnlyList<int> HeadlineLengths { get; init; }
}
