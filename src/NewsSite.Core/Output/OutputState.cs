using System.Text;

namespace NewsSite.Output;

/// <summary>
/// What the last build left beside the output folder, in <c>.&lt;output&gt;.newssite/state.bin</c>: a manifest
/// (content hash and page fingerprint per file) of the output tree and of the spare tree, the previous output
/// kept for the next incremental build.
/// </summary>
/// <remarks>
/// Binary, not JSON: at 10,000 articles the state holds two manifests of 18,600 files and 10,000 derived values,
/// and opening it took 50 ms of every rebuild as JSON, 20 to 30 ms as this file. A file that is damaged, cut short
/// or from another version of the tool reads as no state, so the next build starts over.
/// </remarks>
internal sealed class OutputState
{
    public const string FileName = "state.bin";

    private const int Magic = 0x534F534E; // "NSOS"
    private const int CurrentVersion = 2;

    public TreeRecord? Output { get; set; }

    public TreeRecord? Spare { get; set; }

    /// <summary>Values worth keeping between builds, keyed by what they were computed from (summaries by source hash).</summary>
    public Dictionary<string, string> Derived { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The generator's code identity, written into the state: a new version of the tool starts from scratch.</summary>
    public static string ToolIdentity { get; } = typeof(OutputState).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <returns>Null when the file is missing, unreadable, damaged or written by another version of the tool.</returns>
    public static OutputState? Load(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var r = new BinaryReader(new MemoryStream(File.ReadAllBytes(path), writable: false), Encoding.UTF8);
            if (r.ReadInt32() != Magic || r.ReadInt32() != CurrentVersion || r.ReadString() != ToolIdentity)
            {
                return null;
            }

            var state = new OutputState { Output = ReadTree(r), Spare = ReadTree(r), Derived = ReadDerived(r) };
            return r.BaseStream.Position == r.BaseStream.Length ? state : null;
        }
        catch (Exception exception) when (CacheFile.Unreadable(exception))
        {
            return null;
        }
    }

    /// <summary>Replaced whole (see <see cref="CacheFile"/>), so a killed build never leaves half a state file.</summary>
    public void Save(string path)
    {
        CacheFile.Replace(path, file =>
        {
            using var buffered = new BufferedStream(file, 1 << 16);
            using var w = new BinaryWriter(buffered, Encoding.UTF8);
            w.Write(Magic);
            w.Write(CurrentVersion);
            w.Write(ToolIdentity);
            WriteTree(w, Output);
            WriteTree(w, Spare);
            w.Write(Derived.Count);
            foreach (var (key, value) in Derived)
            {
                w.Write(key);
                w.Write(value);
            }
        });

        // The JSON state of earlier versions would otherwise lie in the cache folder for good.
        File.Delete(Path.Combine(Path.GetDirectoryName(path)!, "state.json"));
    }

    private static void WriteTree(BinaryWriter w, TreeRecord? tree)
    {
        w.Write(tree is not null);
        if (tree is null)
        {
            return;
        }

        w.Write(tree.Stamp);
        w.Write(tree.Files.Count);
        foreach (var (path, record) in tree.Files)
        {
            w.Write(path);
            w.Write(record.Hash);
            w.Write(record.Fingerprint is not null);
            if (record.Fingerprint is { } fingerprint)
            {
                w.Write(fingerprint);
            }
        }
    }

    private static TreeRecord? ReadTree(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }

        var stamp = r.ReadInt64();
        var count = ReadCount(r);
        var files = new Dictionary<string, FileRecord>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var path = r.ReadString();
            var hash = r.ReadString();
            files[path] = new FileRecord(hash, r.ReadBoolean() ? r.ReadString() : null);
        }

        return new TreeRecord { Stamp = stamp, Files = files };
    }

    private static Dictionary<string, string> ReadDerived(BinaryReader r)
    {
        var count = ReadCount(r);
        var derived = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadString();
            derived[key] = r.ReadString();
        }

        return derived;
    }

    /// <summary>A count no bigger than the bytes left could hold, so a damaged file cannot ask for a huge table.</summary>
    private static int ReadCount(BinaryReader r)
    {
        var count = r.ReadInt32();
        return count >= 0 && count <= r.BaseStream.Length - r.BaseStream.Position
            ? count
            : throw new InvalidDataException("bad count in the build state");
    }
}

/// <summary>One tree's manifest and the stamp (its folder's last write time) that ties the record to the folder.</summary>
internal sealed class TreeRecord
{
    public long Stamp { get; set; }

    public Dictionary<string, FileRecord> Files { get; set; } = new(StringComparer.Ordinal);

    public static long StampOf(string folder) => Directory.GetLastWriteTimeUtc(folder).Ticks;
}

/// <param name="Hash">Content hash of the file's bytes.</param>
/// <param name="Fingerprint">For rendered pages, a hash of everything the page was made from; null for other files.</param>
internal sealed record FileRecord(string Hash, string? Fingerprint);
