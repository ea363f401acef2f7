using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using System.Text;
using NewsSite.Output;

namespace NewsSite.Search;

/// <summary>
/// The articles' analyses from the previous build, by key (<see cref="SearchCacheKeys"/>), kept in one binary file
/// in the output's cache folder. A file that is missing, damaged, of another format or made in another context
/// reads as an empty cache: every article is analysed again, nothing is reported.
/// </summary>
/// <remarks>
/// Layout: magic, format version, context (16 bytes), payload length, XxHash3 of the payload; then the payload,
/// written with <see cref="BinaryWriter"/>: the strings (terms and words), how many times the analyses refer to
/// each, then per article its key, snippet, body length, terms (string number, signal), prefix words (string
/// number, term's number) and pair buckets (bucket, 1), all three lists as <see cref="PackedPairs"/>. Numbers are 7-bit encoded, so a typical
/// article takes a few hundred bytes besides its snippet.
/// <para>
/// The file's string numbers are the <see cref="TermTable"/>'s: the cache is read into an empty table, string
/// by string. So a saved cache keeps the strings it was read with, in their order, and puts the new ones after
/// them in ordinal order: the analyses it had are written back byte for byte, and only the new ones are
/// renumbered. Once more than a quarter of the kept strings are no longer used, every string is renumbered in
/// ordinal order, as in a first build.
/// </para>
/// <para>
/// A rebuild that changed one article copies the kept strings and the unchanged records from the file it read, as
/// they were. It finds the unused strings from the reference counts the file carries, less the references of the
/// analyses it drops and plus those of the new ones, without walking every analysis. A compaction counts them
/// again from every analysis, so a wrong count in a file can delay or hasten one, never lose a string in use.
/// </para>
/// </remarks>
internal sealed class SearchAnalysisCache
{
    public const string FileName = "search-analysis.bin";

    private const uint Magic = 0x4153534E; // "NSSA"
    private const int FormatVersion = 4;
    private const int HeaderLength = 4 + 4 + 16 + 8 + 8;

    private readonly Dictionary<Hash128, Record> _entries;

    /// <summary>The file's strings as they are written in it.</summary>
    private readonly ReadOnlyMemory<byte> _strings;

    /// <summary>How many times the file's analyses refer to each of its strings.</summary>
    private readonly int[] _references;

    private SearchAnalysisCache(Dictionary<Hash128, Record> entries, int stringCount, ReadOnlyMemory<byte> strings, int[] references)
    {
        _entries = entries;
        StringCount = stringCount;
        _strings = strings;
        _references = references;
    }

    public static SearchAnalysisCache Empty => new([], 0, default, []);

    /// <summary>How many strings the file had: the table's numbers below this are the file's.</summary>
    public int StringCount { get; }

    public int Count => _entries.Count;

    public IEnumerable<Hash128> Keys => _entries.Keys;

    public bool TryGet(Hash128 key, [MaybeNullWhen(false)] out ArticleAnalysis analysis)
    {
        var found = _entries.TryGetValue(key, out var record);
        analysis = record.Analysis;
        return found;
    }

    /// <summary>An analysis read from the file, and its whole record there (key included) as a slice of the file.</summary>
    private readonly record struct Record(ArticleAnalysis Analysis, ReadOnlyMemory<byte> Bytes);

    /// <summary>Reads the cache into an empty <paramref name="table"/>, its strings first; never throws.</summary>
    public static SearchAnalysisCache Load(string path, Hash128 context, TermTable table)
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
    /// <param name="previous">The cache this build read: its analyses are written back as they were read.</param>
    public static void Save(string path, Hash128 context, TermTable table, IReadOnlyList<(Hash128 Key, ArticleAnalysis Analysis)> entries, SearchAnalysisCache previous)
    {
        // The payload goes straight to the file, hashed on the way: at 100,000 articles it is some 170 MB, which
        // a buffer in memory would hold twice over while it grew, at the build's fullest moment.
        CacheFile.TryReplace(path, file =>
        {
            file.Write(new byte[HeaderLength]);
            var hash = new XxHash3();
            var counted = new HashingStream(file, hash);
            using (var buffered = new BufferedStream(counted, 1 << 16))
            using (var writer = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true))
            {
                WritePayload(writer, table, entries, previous);
            }

            var header = new byte[HeaderLength];
            BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), FormatVersion);
            context.Write(header.AsSpan(8));
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), counted.Written);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(32), hash.GetCurrentHashAsUInt64());
            file.Position = 0;
            file.Write(header);
        });
    }

    private static void WritePayload(BinaryWriter writer, TermTable table, IReadOnlyList<(Hash128 Key, ArticleAnalysis Analysis)> entries, SearchAnalysisCache previous)
    {
        // One record per key, the first given.
        var current = new Dictionary<Hash128, ArticleAnalysis>(entries.Count);
        var records = new List<(Hash128 Key, ArticleAnalysis Analysis)>(entries.Count);
        foreach (var entry in entries)
        {
            if (current.TryAdd(entry.Key, entry.Analysis))
            {
                records.Add(entry);
            }
        }

        // The records read from the file that go back as they were, and the references to every string: the
        // file's, less those of the analyses it had that this build drops, plus those of the new ones.
        var strings = table.ToArray();
        var references = new int[strings.Length];
        var copied = new ReadOnlyMemory<byte>[records.Count];
        var kept = previous.StringCount;
        if (kept > 0)
        {
            previous._references.CopyTo(references, 0);
            for (var i = 0; i < records.Count; i++)
            {
                if (previous._entries.TryGetValue(records[i].Key, out var record) && ReferenceEquals(record.Analysis, records[i].Analysis))
                {
                    copied[i] = record.Bytes;
                }
            }

            foreach (var (key, record) in previous._entries)
            {
                if (!current.TryGetValue(key, out var analysis) || !ReferenceEquals(analysis, record.Analysis))
                {
                    record.Analysis.CountStrings(references, -1);
                }
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (copied[i].IsEmpty)
            {
                records[i].Analysis.CountStrings(references, 1);
            }
        }

        if (Unused(references.AsSpan(0, kept)) * 4 > kept)
        {
            kept = 0;
            Array.Clear(copied);
            Array.Clear(references);
            foreach (var (_, analysis) in records)
            {
                analysis.CountStrings(references, 1);
            }
        }

        // The kept strings keep their numbers; the others follow in ordinal order, so the same analyses read
        // from the same cache give the same file.
        var added = Enumerable.Range(kept, strings.Length - kept).Where(id => references[id] > 0).ToArray();
        Array.Sort(added, (a, b) => string.CompareOrdinal(strings[a], strings[b]));
        var rank = new int[strings.Length];
        for (var id = 0; id < kept; id++)
        {
            rank[id] = id;
        }

        for (var i = 0; i < added.Length; i++)
        {
            rank[added[i]] = kept + i;
        }

        writer.Write7BitEncodedInt(kept + added.Length);
        if (kept > 0)
        {
            writer.Write(previous._strings.Span);
        }

        foreach (var id in added)
        {
            writer.Write(strings[id]);
        }

        for (var id = 0; id < kept; id++)
        {
            writer.Write7BitEncodedInt(Math.Max(references[id], 0));
        }

        foreach (var id in added)
        {
            writer.Write7BitEncodedInt(references[id]);
        }

        writer.Write7BitEncodedInt(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (!copied[i].IsEmpty)
            {
                writer.Write(copied[i].Span);
                continue;
            }

            var (key, analysis) = records[i];
            writer.Write(key.Low);
            writer.Write(key.High);
            writer.Write7BitEncodedInt(analysis.Utf8Snippet.Length);
            writer.Write(analysis.Utf8Snippet.Span);
            writer.Write7BitEncodedInt(analysis.Length);
            var (terms, frequencies) = analysis.TermFrequencies();
            var (words, wordTerms) = analysis.WordTerms();
            WritePairs(writer, terms, frequencies, rank, mapSecond: false);
            WritePairs(writer, words, wordTerms, rank, mapSecond: true);
            writer.Write(analysis.PackedPairBuckets);
        }
    }

    /// <summary>Strings no analysis refers to (or, from a wrong count in a file, fewer than none).</summary>
    private static int Unused(ReadOnlySpan<int> references)
    {
        var unused = 0;
        foreach (var count in references)
        {
            if (count <= 0)
            {
                unused++;
            }
        }

        return unused;
    }

    /// <summary>(string number, value) pairs renumbered by <paramref name="rank"/>, packed.</summary>
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
        PackedPairs.Write(writer, ranks, seconds);
    }

    private static SearchAnalysisCache? Read(byte[] bytes, Hash128 context, TermTable table)
    {
        if (bytes.Length < HeaderLength
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != FormatVersion
            || Hash128.Read(bytes.AsSpan(8)) != context
            || BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24)) != bytes.Length - HeaderLength
            || BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(32)) != XxHash3.HashToUInt64(bytes.AsSpan(HeaderLength)))
        {
            return null;
        }

        var reader = new CacheReader(bytes, HeaderLength);
        var stringCount = reader.Count();
        var stringsStart = reader.Position;
        for (var i = 0; i < stringCount; i++)
        {
            // A string twice (or a table not empty) would break the numbering the analyses are stored in.
            if (table.Id(reader.String()) != i)
            {
                return null;
            }
        }

        var strings = reader.Slice(stringsStart, reader.Position);
        var references = new int[stringCount];
        for (var i = 0; i < stringCount; i++)
        {
            references[i] = reader.Count();
        }

        var recordCount = reader.Count();
        var entries = new Dictionary<Hash128, Record>(recordCount);
        for (var r = 0; r < recordCount; r++)
        {
            var start = reader.Position;
            var low = reader.UInt64();
            var key = new Hash128(low, reader.UInt64());
            var snippet = reader.Utf8();
            var length = reader.Count();
            var terms = reader.Pairs(stringCount, valueIsString: false);
            var words = reader.Pairs(stringCount, valueIsString: true);
            var pairs = reader.Pairs(WordPairs.Buckets, valueIsString: false);
            entries[key] = new Record(ArticleAnalysis.FromPacked(terms, words, pairs, length, snippet), reader.Slice(start, reader.Position));
        }

        return reader.AtEnd ? new SearchAnalysisCache(entries, stringCount, strings, references) : null;
    }

    /// <summary>Passes writes on to a stream, adding them to a hash and counting them.</summary>
    private sealed class HashingStream(Stream inner, XxHash3 hash) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.Append(buffer);
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// Reads what <see cref="BinaryWriter"/> wrote in the payload of <c>file</c>, which starts at <c>start</c>,
    /// checking every number against what is left. Snippets and packed lists are handed out as slices of the file's
    /// own array, not copies: 30,000 small arrays at 10,000 articles (10 MB), all kept until
    /// the index was written, were allocated and then moved by every collection until then; the file's one array
    /// is never moved.
    /// </summary>
    private ref struct CacheReader(byte[] file, int start)
    {
        private readonly ReadOnlySpan<byte> _bytes = file.AsSpan(start);
        private int _position;

        public readonly bool AtEnd => _position == _bytes.Length;

        public readonly int Position => _position;

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

        /// <summary>
        /// A string, checked to be UTF-8: a save copies the file's strings as they are, so they must be the bytes
        /// that writing the strings read from them would give.
        /// </summary>
        public string String()
        {
            var bytes = Bytes();
            return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : throw new InvalidDataException("text that is not UTF-8");
        }

        /// <summary>A string's bytes, checked to be UTF-8 (they are written into the index as they are).</summary>
        public ReadOnlyMemory<byte> Utf8()
        {
            var bytes = Bytes();
            return System.Text.Unicode.Utf8.IsValid(bytes) ? Slice(_position - bytes.Length, _position) : throw new InvalidDataException("text that is not UTF-8");
        }

        /// <summary>What <see cref="BinaryWriter"/> wrote for a string: its length, then its bytes.</summary>
        private ReadOnlySpan<byte> Bytes()
        {
            var length = Count();
            Need(length);
            var bytes = _bytes.Slice(_position, length);
            _position += length;
            return bytes;
        }

        /// <summary>A packed list, checked: numbers below <paramref name="stringCount"/>, other values above 0.</summary>
        public ReadOnlyMemory<byte> Pairs(int stringCount, bool valueIsString)
        {
            var start = _position;
            var count = Count();
            Need(count * 2);
            var previous = -1;
            for (var i = 0; i < count; i++)
            {
                previous += Count() + 1;
                Index(previous, stringCount);
                var value = Count();
                _ = valueIsString ? Index(value, stringCount) : value > 0 ? value : throw new InvalidDataException("a frequency of 0");
            }

            return Slice(start, _position);
        }

        /// <summary>The payload's bytes from <paramref name="from"/> to <paramref name="to"/>, as a slice of the file.</summary>
        public readonly ReadOnlyMemory<byte> Slice(int from, int to) => file.AsMemory(start + from, to - from);

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
