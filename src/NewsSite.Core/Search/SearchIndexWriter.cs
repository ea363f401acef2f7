using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NewsSite.Output;

namespace NewsSite.Search;

/// <summary>
/// Writes the index as static files under <c>search/data/</c>:
/// <list type="bullet">
/// <item><c>meta.json</c>: document count, sections, each document's section, day, headline and body length, the
/// stop words, the first key of every term chunk and the names of the chunk and fragment files;</item>
/// <item><c>t/&lt;hash&gt;.json</c>: a run of consecutive keys (terms with postings, words with their term), cut
/// at about <see cref="ChunkBytes"/>, so a query fetches only the chunks its words fall in;</item>
/// <item><c>d/&lt;n&gt;.json</c>: what results show for documents n × <see cref="DocumentsPerFragment"/> onwards;</item>
/// <item><c>p/&lt;n&gt;.json</c>: the articles of each pair bucket (<see cref="WordPairs"/>), a run of consecutive
/// buckets per file (non-empty ones only, by their offset in the run), about <see cref="PairFileBytes"/> each, fetched
/// for phrases and proximity.</item>
/// </list>
/// Chunk files are named by a hash of their content, so a browser may cache them for ever. Fragment files keep
/// their number (ids run oldest first, so a new article leaves older fragments byte for byte as they were) and
/// are fetched with <c>?v=</c> and a hash of all of them, which meta.json carries; only meta.json has to be
/// fetched fresh. Same index in, same bytes out.
/// </summary>
internal static class SearchIndexWriter
{
    public const string Folder = "search/data/";
    public const string MetaFile = Folder + "meta.json";
    public const int FormatVersion = 3;
    public const int ChunkBytes = 16 * 1024;
    public const int DocumentsPerFragment = 4;
    public const int PairFileBytes = 4 * 1024;
    public const int BodyLengthUnit = 32;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Non-ASCII as UTF-8 (smaller); <, >, & and quotes are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <param name="pairs">What <see cref="WritePairs"/> wrote of the index's pairs.</param>
    /// <returns>The number of files written, the pair files among them.</returns>
    public static int Write(SearchIndex index, PairFiles pairs, OutputWriter output)
    {
        // Every file is made in this one buffer, written out before the next is made.
        var buffer = NewBuffer();
        var chunks = WriteChunks(index, output, buffer);
        var fragments = WriteFragments(index, output, buffer);
        output.TryWrite(MetaFile, Meta(buffer, index, chunks, fragments, pairs));
        return chunks.Count + fragments.Count + pairs.Files + 1;
    }

    private static List<(string FirstKey, string File)> WriteChunks(SearchIndex index, OutputWriter output, ArrayBufferWriter<byte> buffer)
    {
        var chunks = new List<(string, string)>();
        var terms = new List<KeyValuePair<string, PostingList>>();
        var words = new List<KeyValuePair<string, string>>();
        var size = 0;
        string? firstKey = null;

        void Flush()
        {
            if (firstKey is null)
            {
                return;
            }

            chunks.Add((firstKey, WriteHashed(output, "t/", Chunk(buffer, terms, words))));
            terms.Clear();
            words.Clear();
            size = 0;
            firstKey = null;
        }

        foreach (var (key, postings, term) in Keys(index))
        {
            var entrySize = (key.Length * 2) + (postings?.Utf8.Length ?? term!.Length) + 6;
            if (firstKey is not null && size + entrySize > ChunkBytes)
            {
                Flush();
            }

            firstKey ??= key;
            if (postings is not null)
            {
                terms.Add(new(key, postings));
            }
            else
            {
                words.Add(new(key, term!));
            }

            size += entrySize;
        }

        Flush();
        return chunks;
    }

    /// <summary>
    /// Terms (with their postings) and words (with their term) merged in ordinal key order, a term before a word
    /// with the same spelling.
    /// </summary>
    private static IEnumerable<(string Key, PostingList? Postings, string? Term)> Keys(SearchIndex index)
    {
        using var terms = index.Terms.GetEnumerator();
        using var words = index.Words.GetEnumerator();
        var hasTerm = terms.MoveNext();
        var hasWord = words.MoveNext();
        while (hasTerm || hasWord)
        {
            if (hasTerm && (!hasWord || string.CompareOrdinal(terms.Current.Key, words.Current.Key) <= 0))
            {
                yield return (terms.Current.Key, terms.Current.Value, null);
                hasTerm = terms.MoveNext();
            }
            else
            {
                yield return (words.Current.Key, null, words.Current.Value);
                hasWord = words.MoveNext();
            }
        }
    }

    private static ReadOnlySpan<byte> Chunk(ArrayBufferWriter<byte> buffer, List<KeyValuePair<string, PostingList>> terms, List<KeyValuePair<string, string>> words) => Json(buffer, json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("t");
        foreach (var (key, postings) in terms)
        {
            json.WriteString(key, postings.Utf8);
        }

        json.WriteEndObject();
        json.WriteStartObject("w");
        foreach (var (key, value) in words)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    });

    /// <returns>The number of fragment files and a hash of their contents.</returns>
    private static (int Count, string Version) WriteFragments(SearchIndex index, OutputWriter output, ArrayBufferWriter<byte> buffer)
    {
        var hash = new XxHash3();
        var count = 0;
        for (var start = 0; start < index.Documents.Count; start += DocumentsPerFragment)
        {
            var documents = index.Documents.Skip(start).Take(DocumentsPerFragment);
            var bytes = Json(buffer, json =>
            {
                json.WriteStartArray();
                foreach (var document in documents)
                {
                    json.WriteStartObject();
                    json.WriteString("url", document.Url);
                    json.WriteString("headline", document.Headline);
                    json.WriteString("date", document.DisplayDate);
                    json.WriteString("iso", document.IsoDate);
                    json.WriteString("text"u8, document.Utf8Snippet.Span);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
            hash.Append(bytes);
            output.TryWrite(string.Create(CultureInfo.InvariantCulture, $"{Folder}d/{count}.json"), bytes);
            count++;
        }

        return (count, ShortHex(hash.GetCurrentHashAsUInt64()));
    }

    /// <summary>The pair files, which need nothing but the pairs: the build writes them as soon as the pairs are built.</summary>
    public static PairFiles WritePairs(PairIndex pairs, OutputWriter output)
    {
        var buffer = NewBuffer();
        var scratch = new byte[4096];
        var total = 0L;
        for (var bucket = 0; bucket < WordPairs.Buckets; bucket++)
        {
            var length = pairs.Utf8(bucket, ref scratch).Length;
            total += length == 0 ? 0 : length + 10;
        }

        var files = 1;
        while (files < WordPairs.Buckets && total / files > PairFileBytes)
        {
            files *= 2;
        }

        var perFile = WordPairs.Buckets / files;
        var hash = new XxHash3();
        for (var file = 0; file < files; file++)
        {
            var bytes = Json(buffer, json =>
            {
                json.WriteStartObject();
                for (var offset = 0; offset < perFile; offset++)
                {
                    var list = pairs.Utf8((file * perFile) + offset, ref scratch);
                    if (!list.IsEmpty)
                    {
                        json.WriteString(offset.ToString(CultureInfo.InvariantCulture), list);
                    }
                }

                json.WriteEndObject();
            });
            hash.Append(bytes);
            output.TryWrite(string.Create(CultureInfo.InvariantCulture, $"{Folder}p/{file}.json"), bytes);
        }

        return new PairFiles(files, perFile, ShortHex(hash.GetCurrentHashAsUInt64()));
    }

    private static ReadOnlySpan<byte> Meta(ArrayBufferWriter<byte> buffer, SearchIndex index, List<(string FirstKey, string File)> chunks, (int Count, string Version) fragments, PairFiles pairs) => Json(buffer, json =>
    {
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);
        json.WriteNumber("documents", index.Documents.Count);
        json.WriteNumber("levels", TermWeighting.Levels);
        json.WriteNumber("newest", index.Documents.Count == 0 ? 0 : index.Documents.Max(d => Day(d.Date)));
        json.WriteStartArray("sections");
        foreach (var (slug, name) in index.Sections)
        {
            json.WriteStartArray();
            json.WriteStringValue(slug);
            json.WriteStringValue(name);
            json.WriteEndArray();
        }

        json.WriteEndArray();

        // Per document, in id order: its section (index + 1, 0 for none) and its day (the first absolute, then
        // the difference to the previous one; ids run oldest first, so differences are small and never negative).
        json.WriteString("docSections", VarintText.Encode(index.Documents.Select(d => d.SectionIndex + 1)));
        var previous = 0L;
        json.WriteString("docDays", VarintText.Encode(index.Documents.Select(d =>
        {
            var day = Day(d.Date);
            var delta = (int)Math.Max(0, day - previous);
            previous = Math.Max(previous, day);
            return delta;
        })));
        // Per document, its headline's length in indexed words: ranking weighs a headline word by its share of the
        // headline (BM25F's length normalisation of that field).
        json.WriteString("docHeadlineLengths", VarintText.Encode(index.HeadlineLengths));
        // And its body's, in units of BodyLengthUnit words (one character up to a thousand): a quoted phrase is
        // scored as a term of its own, which BM25 normalises by the length of the text it is found in.
        json.WriteNumber("bodyLengthUnit", BodyLengthUnit);
        json.WriteString("docBodyLengths", VarintText.Encode(index.BodyLengths.Select(n => (n + (BodyLengthUnit / 2)) / BodyLengthUnit)));
        json.WriteStartArray("stopWords");
        foreach (var word in StopWords.All)
        {
            json.WriteStringValue(word);
        }

        json.WriteEndArray();
        json.WriteStartArray("chunks");
        foreach (var (firstKey, file) in chunks)
        {
            json.WriteStartArray();
            json.WriteStringValue(firstKey);
            json.WriteStringValue(file);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteNumber("fragmentSize", DocumentsPerFragment);
        json.WriteNumber("fragments", fragments.Count);
        json.WriteString("fragmentVersion", fragments.Version);
        json.WriteNumber("pairBuckets", WordPairs.Buckets);
        json.WriteNumber("pairsPerFile", pairs.PerFile);
        json.WriteString("pairVersion", pairs.Version);
        json.WriteEndObject();
    });

    /// <summary>Days since 1970-01-01 UTC.</summary>
    public static long Day(DateTimeOffset date) => date.ToUnixTimeSeconds() / 86_400;

    private static string WriteHashed(OutputWriter output, string folder, ReadOnlySpan<byte> bytes)
    {
        var name = ShortHex(XxHash3.HashToUInt64(bytes));
        var path = string.Create(CultureInfo.InvariantCulture, $"{Folder}{folder}{name}.json");
        if (!output.TryWrite(path, bytes))
        {
            throw new InvalidOperationException($"two search index files have the same hash: {path}");
        }

        return name;
    }

    /// <summary>
    /// 48 bits of a hash, as 12 hex digits: names that change when the bytes do. Not a cryptographic hash, which
    /// these names do not need: a collision between two chunks is caught (<see cref="WriteHashed"/>), not trusted.
    /// </summary>
    private static string ShortHex(ulong hash) => (hash >> 16).ToString("x12", CultureInfo.InvariantCulture);

    private static ArrayBufferWriter<byte> NewBuffer() => new(2 * ChunkBytes);

    /// <returns>The file's bytes, in <paramref name="buffer"/>: good until the next file is made.</returns>
    private static ReadOnlySpan<byte> Json(ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(json);
        }

        return buffer.WrittenSpan;
    }
}

/// <summary>The pair files written: how many, how many buckets each holds, and a hash of their contents.</summary>
internal sealed record PairFiles(int Files, int PerFile, string Version);
