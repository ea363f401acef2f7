using System.Buffers.Binary;
using System.Text;
using NewsSite.Diagnostics;
using NewsSite.Model;
using NewsSite.Output;

namespace NewsSite.Content;

/// <summary>
/// Parsed front matter kept between builds (<c>articles.bin</c> in the cache folder), keyed by each article file's
/// path, size and modification time: a file that is as it was is neither read nor parsed again. Its body is read
/// back from the file (and checked against the recorded hash) only when a page needs it.
/// </summary>
/// <remarks>
/// The file starts with a key (tool, time zone, limits: what parsing depends on); any other key, a damaged file or
/// a read error means an empty cache. Entries are written only for files older than
/// <see cref="SourceStamp.SettleTime"/>, for the same reason as <see cref="SourceStamp"/>. Entries are kept in
/// chunks, each written after its length, so that they are encoded and decoded on all cores: the cache is read and
/// written by every rebuild, and at 10,000 articles it is some 16 MB.
/// </remarks>
internal sealed class ArticleCache
{
    public const string FileName = "articles.bin";
    private const int Version = 4;
    private const int ChunkSize = 512;

    private readonly Dictionary<string, CachedArticle> _entries;

    private ArticleCache(Dictionary<string, CachedArticle> entries) => _entries = entries;

    public static ArticleCache Empty { get; } = new(new Dictionary<string, CachedArticle>(StringComparer.Ordinal));

    public int Count => _entries.Count;

    /// <summary>The article as parsed from this very file (same size and time), with the warnings parsing gave.</summary>
    public CachedArticle? Find(SourceFile file) =>
        _entries.TryGetValue(file.RelativePath, out var entry) && entry.Length == file.Length && entry.LastWriteTicks == file.LastWriteTimeUtc.Ticks
            ? entry
            : null;

    public static ArticleCache Load(string path, string key)
    {
        try
        {
            if (!File.Exists(path))
            {
                return Empty;
            }

            var bytes = File.ReadAllBytes(path);
            using var header = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (header.ReadInt32() != Version || header.ReadString() != key)
            {
                return Empty;
            }

            // Each chunk is its length, then its entries.
            var chunks = new (int Offset, int Length)[header.ReadInt32()];
            var position = (int)header.BaseStream.Position;
            for (var i = 0; i < chunks.Length; i++)
            {
                if (bytes.Length - position < sizeof(int))
                {
                    return Empty;
                }

                var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position));
                position += sizeof(int);
                if (length < 0 || length > bytes.Length - position)
                {
                    return Empty;
                }

                chunks[i] = (position, length);
                position += length;
            }

            if (position != bytes.Length)
            {
                return Empty;
            }

            var decoded = new CachedArticle[chunks.Length][];
            Parallel.For(0, chunks.Length, i =>
            {
                using var reader = new BinaryReader(new MemoryStream(bytes, chunks[i].Offset, chunks[i].Length, writable: false), Encoding.UTF8);
                var entries = new CachedArticle[reader.ReadInt32()];
                for (var e = 0; e < entries.Length; e++)
                {
                    entries[e] = ArticleCodec.ReadEntry(reader);
                }

                decoded[i] = entries;
            });

            var all = new Dictionary<string, CachedArticle>(decoded.Sum(d => d.Length), StringComparer.Ordinal);
            foreach (var entry in decoded.SelectMany(d => d))
            {
                all[entry.Article.SourcePath] = entry;
            }

            return new ArticleCache(all);
        }
        catch (Exception exception) when (CacheFile.Unreadable(exception))
        {
            return Empty;
        }
    }

    /// <summary>A cache that cannot be written is simply not there next time.</summary>
    /// <remarks>
    /// Chunks are encoded a few at a time on all cores, each into a buffer that is used again, and written in order
    /// as they come. Encoding the whole cache before writing it held all of it at once (120 MB at 100,000 articles),
    /// with as much again in buffers outgrown on the way.
    /// </remarks>
    /// <param name="readBack">
    /// The cache this build read from <paramref name="path"/> with <paramref name="key"/>. When the entries to keep
    /// are exactly its entries, each for the same file, size and time, the file already says what it would be
    /// rewritten with and is left alone: the common rebuild, one article edited moments ago, which is not settled.
    /// </param>
    public static void Save(string path, string key, IReadOnlyList<CachedArticle> entries, DateTime settledBefore, ArticleCache? readBack = null)
    {
        var kept = entries.Where(e => e.LastWriteTicks <= settledBefore.Ticks).ToList();
        if (readBack is not null && readBack != Empty && readBack.Holds(kept))
        {
            return;
        }

        var settled = kept.Chunk(ChunkSize).ToList();
        CacheFile.TryReplace(path, file =>
        {
            using var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
            writer.Write(Version);
            writer.Write(key);
            writer.Write(settled.Count);
            var buffers = new MemoryStream[2 * Environment.ProcessorCount];
            for (var i = 0; i < buffers.Length; i++)
            {
                buffers[i] = new MemoryStream();
            }

            for (var first = 0; first < settled.Count; first += buffers.Length)
            {
                var count = Math.Min(buffers.Length, settled.Count - first);
                Parallel.For(0, count, i => Encode(settled[first + i], buffers[i]));
                for (var i = 0; i < count; i++)
                {
                    writer.Write((int)buffers[i].Length);
                    writer.Write(buffers[i].GetBuffer(), 0, (int)buffers[i].Length);
                }
            }
        });
    }

    private bool Holds(IReadOnlyList<CachedArticle> entries) =>
        entries.Count == _entries.Count
        && entries.All(e => _entries.TryGetValue(e.Article.SourcePath, out var had) && had.Length == e.Length && had.LastWriteTicks == e.LastWriteTicks);

    private static void Encode(CachedArticle[] chunk, MemoryStream buffer)
    {
        buffer.SetLength(0);
        using var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true);
        writer.Write(chunk.Length);
        foreach (var entry in chunk)
        {
            ArticleCodec.WriteEntry(writer, entry);
        }
    }
}

/// <summary>One article as the cache keeps it: the file's size and time, the parsed article (no body) and its warnings.</summary>
internal sealed record CachedArticle(long Length, long LastWriteTicks, Article Article, IReadOnlyList<Diagnostic> Diagnostics);
