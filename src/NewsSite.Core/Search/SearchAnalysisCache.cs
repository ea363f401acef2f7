using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using System.Text;

namespace NewsSite.Search;

/// <summary>
/// The articles' analyses from the previous build, by key (<see cref="SearchCacheKeys"/>), kept in one binary file
/// in the output's cache folder. A file that is missing, damaged, of another format or made in another context
/// reads as an empty cache: every article is analysed again, nothing is reported.
/// </summary>
/// <remarks>
/// Layout: magic, format version, context (16 bytes), payload length, XxHash3 of the payload; then the payload,
/// written with <see cref="BinaryWriter"/>: the strings (terms and words, ordinal order), then per article its
/// key, snippet, length, terms (string number as a gap from the previous one, frequency) and prefix words (gap,
/// term number). Numbers are 7-bit encoded, so a typical article takes a few hundred bytes besides its snippet.
/// </remarks>
internal sealed class SearchAnalysisCache
{
    public const string FileName = "search-analysis.bin";

    private const uint Magic = 0x4153534E; // "NSSA"
    private const int FormatVersion = 1;
    private const int HeaderLength = 4 + 4 + 16 + 8 + 8;

    private readonly Dictionary<UInt128, ArticleAnalysis> _entries;

    private SearchAnalysisCache(Dictionary<UInt128, ArticleAnalysis> entries) => _entries = entries;

    public static SearchAnalysisCache Empty => new([]);

    public int Count => _entries.Count;

    public IEnumerable<UInt128> Keys => _entries.Keys;

    public bool TryGet(UInt128 key, [MaybeNullWhen(false)] out ArticleAnalysis analysis) => _entries.TryGetValue(key, out analysis);

    /// <summary>Reads the cache, giving its strings numbers in <paramref name="table"/>; never throws.</summary>
    public static SearchAnalysisCache Load(string path, UInt128 context, TermTable table)
    {
        try
        {
            if (!File.Exists(path))
            {
                return Empty;
            }

            return Read(File.ReadAllBytes(path), context, table) ?? Empty;
        }
        catch (IOException)
        {
            return Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return Empty;
        }
        catch (InvalidDataException)
        {
            return Empty;
        }
    }

    /// <summary>
    /// Writes the analyses of this build's articles (and no others, so the file never outgrows the site) to a
    /// temporary file renamed over the old one. A cache that cannot be written is left out without a word: the
    /// next build analyses again.
    /// </summary>
    public static void Save(string path, UInt128 context, TermTable table, IReadOnlyList<(UInt128 Key, ArticleAnalysis Analysis)> entries)
    {
        var payload = Payload(table, entries);
        var header = new byte[HeaderLength];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteUInt128LittleEndian(header.AsSpan(8), context);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(32), XxHash3.HashToUInt64(payload.Span));

        Output.CacheFile.TryReplace(path, file =>
        {
            file.Write(header);
            file.Write(payload.Span);
        });
    }

    private static ReadOnlyMemory<byte> Payload(TermTable table, IReadOnlyList<(UInt128 Key, ArticleAnalysis Analysis)> entries)
    {
        // Number the strings the entries use by their ordinal order, so the same analyses give the same file.
        var strings = table.ToArray();
        var used = new bool[strings.Length];
        foreach (var (_, analysis) in entries)
        {
            var (words, wordTerms) = analysis.WordTerms();
            MarkAll(used, analysis.TermFrequencies().Terms);
            MarkAll(used, words);
            MarkAll(used, wordTerms);
        }

        var ids = Enumerable.Range(0, strings.Length).Where(id => used[id]).ToArray();
        Array.Sort(ids, (a, b) => string.CompareOrdinal(strings[a], strings[b]));
        var rank = new int[strings.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            rank[ids[i]] = i;
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(ids.Length);
            foreach (var id in ids)
            {
                writer.Write(strings[id]);
            }

            var written = new HashSet<UInt128>();
            var records = entries.Where(e => written.Add(e.Key)).ToList();
            writer.Write7BitEncodedInt(records.Count);
            foreach (var (key, analysis) in records)
            {
                writer.Write((ulong)key);
                writer.Write((ulong)(key >> 64));
                writer.Write(analysis.Snippet);
                writer.Write7BitEncodedInt(analysis.Length);
                var (terms, frequencies) = analysis.TermFrequencies();
                var (words, wordTerms) = analysis.WordTerms();
                WritePairs(writer, terms, frequencies, rank, mapSecond: false);
                WritePairs(writer, words, wordTerms, rank, mapSecond: true);
            }
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>(string number, value) pairs, ascending by number, each number written as the gap from the last.</summary>
    private static void WritePairs(BinaryWriter writer, int[] ids, int[] values, int[] rank, bool mapSecond)
    {
        var ranks = new int[ids.Length];
        var seconds = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ranks[i] = rank[ids[i]];
            seconds[i] = mapSecond ? rank[values[i]] : values[i];
        }

        Array.Sort(ranks, seconds);
        writer.Write7BitEncodedInt(ranks.Length);
        var previous = -1;
        for (var i = 0; i < ranks.Length; i++)
        {
            writer.Write7BitEncodedInt(ranks[i] - previous - 1);
            writer.Write7BitEncodedInt(seconds[i]);
            previous = ranks[i];
        }
    }

    private static SearchAnalysisCache? Read(byte[] bytes, UInt128 context, TermTable table)
    {
        if (bytes.Length < HeaderLength
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != FormatVersion
            || BinaryPrimitives.ReadUInt128LittleEndian(bytes.AsSpan(8)) != context
            || BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24)) != bytes.Length - HeaderLength
            || BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(32)) != XxHash3.HashToUInt64(bytes.AsSpan(HeaderLength)))
        {
            return null;
        }

        var reader = new CacheReader(bytes.AsSpan(HeaderLength));
        var stringCount = reader.Count();
        var ids = new int[stringCount];
        for (var i = 0; i < stringCount; i++)
        {
            ids[i] = table.Id(reader.String());
        }

        var recordCount = reader.Count();
        var entries = new Dictionary<UInt128, ArticleAnalysis>(recordCount);
        for (var r = 0; r < recordCount; r++)
        {
            var low = reader.UInt64();
            var key = new UInt128(reader.UInt64(), low);
            var snippet = reader.String();
            var length = reader.Count();
            var (terms, frequencies) = reader.Pairs(ids, mapSecond: false);
            var (words, wordTerms) = reader.Pairs(ids, mapSecond: true);
            entries[key] = new ArticleAnalysis(terms, frequencies, length, words, wordTerms, snippet);
        }

        return reader.AtEnd ? new SearchAnalysisCache(entries) : null;
    }

    private static void MarkAll(bool[] used, int[] ids)
    {
        foreach (var id in ids)
        {
            used[id] = true;
        }
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote, checking every number against what is left.</summary>
    private ref struct CacheReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public readonly bool AtEnd => _position == _bytes.Length;

        public ulong UInt64()
        {
            Need(8);
            var value = BinaryPrimitives.ReadUInt64LittleEndian(_bytes[_position..]);
            _position += 8;
            return value;
        }

        /// <summary>A non-negative 7-bit encoded number, as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it.</summary>
        public int Count()
        {
            var value = 0u;
            for (var shift = 0; shift < 35; shift += 7)
            {
                Need(1);
                var b = _bytes[_position++];
                value |= (uint)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    return value <= int.MaxValue ? (int)value : throw new InvalidDataException("number out of range");
                }
            }

            throw new InvalidDataException("number too long");
        }

        public string String()
        {
            var length = Count();
            Need(length);
            var text = Encoding.UTF8.GetString(_bytes.Slice(_position, length));
            _position += length;
            return text;
        }

        public (int[] Ids, int[] Values) Pairs(int[] ids, bool mapSecond)
        {
            var count = Count();
            Need(count * 2);
            var first = new int[count];
            var second = new int[count];
            var previous = -1;
            for (var i = 0; i < count; i++)
            {
                previous += Count() + 1;
                first[i] = ids[Index(previous, ids.Length)];
                var value = Count();
                second[i] = mapSecond ? ids[Index(value, ids.Length)] : value > 0 ? value : throw new InvalidDataException("a frequency of 0");
            }

            return (first, second);
        }

        private static int Index(int value, int count) => value >= 0 && value < count ? value : throw new InvalidDataException("string number out of range");

        private readonly void Need(int count)
        {
            if (count < 0 || count > _bytes.Length - _position)
            {
                throw new InvalidDataException("the cache file ends early");
            }
        }
    }
}
