using NewsSite.Caching;
using NewsSite.Output;

namespace NewsSite.Search;

/// <summary>An article's text as search reads it: its fields with their weights, and the snippet results show.</summary>
internal sealed record SearchText(IReadOnlyList<WeightedText> Fields, string Snippet);

/// <summary>
/// An article as the search stage receives it: what results show, a key for everything its analysis reads, and
/// its text, asked for only when the analysis cache has nothing under that key (so an unchanged article's body
/// need not even be rendered).
/// </summary>
internal sealed record SearchArticle(
    string Url,
    string Headline,
    int SectionIndex,
    DateTimeOffset Date,
    string DisplayDate,
    string IsoDate,
    Hash128 Key,
    Func<SearchText> Text)
{
    public IndexedDocument Document(ReadOnlyMemory<byte> utf8Snippet) => new(Url, Headline, SectionIndex, Date, DisplayDate, IsoDate, utf8Snippet);
}
