using System.Text.Json;
using NewsSite.Search;

namespace NewsSite.Tests.TestSupport;

/// <summary>Reads a built site's search index from its files, the way search.js does, for assertions.</summary>
public sealed class BuiltSearchIndex(BuiltSite site)
{
    private const string Folder = "search/data/";

    public JsonElement Meta { get; } = JsonDocument.Parse(site.Text(Folder + "meta.json")).RootElement;

    public int Documents => Meta.GetProperty("documents").GetInt32();

    public IReadOnlyList<string> ChunkFiles => [.. Meta.GetProperty("chunks").EnumerateArray().Select(c => $"{Folder}t/{c[1].GetString()}.json")];

    public IReadOnlyList<string> FragmentFiles => [.. Enumerable.Range(0, Meta.GetProperty("fragments").GetInt32()).Select(n => $"{Folder}d/{n}.json")];

    /// <summary>The chunk a key falls in: the last whose first key is not after it (ordinal order).</summary>
    public JsonElement ChunkOf(string key)
    {
        var chunks = Meta.GetProperty("chunks").EnumerateArray().ToList();
        var index = chunks.FindLastIndex(c => string.CompareOrdinal(c[0].GetString(), key) <= 0);
        return JsonDocument.Parse(site.Text($"{Folder}t/{chunks[Math.Max(0, index)][1].GetString()}.json")).RootElement;
    }

    /// <summary>(document, level) for an index term, empty when it is not in the index.</summary>
    public IReadOnlyList<(int Document, int Level)> Postings(string term) =>
        ChunkOf(term).GetProperty("t").TryGetProperty(term, out var encoded) ? PostingList.Decode(encoded.GetString()!) : [];

    /// <summary>A document's result fragment: url, headline, date, iso, text.</summary>
    public JsonElement Document(int id)
    {
        var size = Meta.GetProperty("fragmentSize").GetInt32();
        return JsonDocument.Parse(site.Text(FragmentFiles[id / size])).RootElement[id % size];
    }

    /// <summary>URLs of the documents a word (folded and stemmed as the page does) occurs in.</summary>
    public IReadOnlyList<string> UrlsFor(string word) =>
        [.. Postings(EnglishStemmer.Stem(TextFolding.Fold(word))).Select(p => Document(p.Document).GetProperty("url").GetString()!)];
}
