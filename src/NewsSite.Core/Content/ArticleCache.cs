using System.Text;
using NewsSite.Diagnostics;
using NewsSite.Model;

namespace NewsSite.Content;

/// <summary>
/// Parsed front matter kept between builds (<c>articles.bin</c> in the cache folder), keyed by each article file's
/// path, size and modification time: a file that is as it was is neither read nor parsed again. Its body is read
/// back from the file (and checked against the recorded hash) only when a page needs it.
/// </summary>
/// <remarks>
/// The file starts with a key (tool, time zone, limits: what parsing depends on); any other key, a damaged file or
/// a read error means an empty cache. Entries are written only for files older than
/// <see cref="SourceStamp.SettleTime"/>, for the same reason as <see cref="SourceStamp"/>.
/// </remarks>
internal sealed class ArticleCache
{
    public const string FileName = "articles.bin";
    private const int Version = 1;

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

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != Version || reader.ReadString() != key)
            {
                return Empty;
            }

            var count = reader.ReadInt32();
            var entries = new Dictionary<string, CachedArticle>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var entry = ArticleCodec.ReadEntry(reader);
                entries[entry.Article.SourcePath] = entry;
            }

            return new ArticleCache(entries);
        }
        catch (Exception exception) when (exception is IOException or FormatException or ArgumentException or InvalidDataException)
        {
            return Empty;
        }
    }

    /// <summary>A cache that cannot be written is simply not there next time.</summary>
    public static void Save(string path, string key, IReadOnlyList<CachedArticle> entries, DateTime settledBefore)
    {
        var settled = entries.Where(e => e.LastWriteTicks <= settledBefore.Ticks).ToList();
        Output.CacheFile.TryReplace(path, file =>
        {
            using var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
            writer.Write(Version);
            writer.Write(key);
            writer.Write(settled.Count);
            foreach (var entry in settled)
            {
                ArticleCodec.WriteEntry(writer, entry);
            }
        });
    }
}

/// <summary>One article as the cache keeps it: the file's size and time, the parsed article (no body) and its warnings.</summary>
internal sealed record CachedArticle(long Length, long LastWriteTicks, Article Article, IReadOnlyList<Diagnostic> Diagnostics);
