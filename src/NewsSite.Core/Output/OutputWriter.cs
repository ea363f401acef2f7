using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using MemoryPack;
using NewsSite.Caching;
using NewsSite.Routing;

namespace NewsSite.Output;

/// <summary>
/// Writes a build into a tree beside the output folder and swaps it in only when the whole build succeeded, so
/// a failed or killed build leaves the previous site exactly as it was.
/// </summary>
/// <remarks>
/// The tree written into is either a new staging folder, or, for an incremental build, the spare tree: the output
/// before last, kept with its manifest. Only files whose bytes differ are written into the spare; pages whose
/// fingerprint did not change are not even rendered (<see cref="TryKeep"/>). The swap is one atomic exchange, and
/// the old output becomes the next spare, so no build deletes a whole tree. Each tree's manifest (content hash and
/// fingerprint per file) is kept in the build cache under the tree's folder and modification time: a build moves
/// the time of a tree it starts changing, so a manifest never vouches for a tree that is not as it says.
/// </remarks>
public sealed class OutputWriter : IDisposable
{
    private const int WrittenLocks = 64;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ConcurrentDictionary<string, FileRecord> _written;

    private static readonly CacheQuery<Dictionary<string, FileRecord>> Manifests = new("tree-manifest");

    private readonly string _sparePath;
    private readonly IBuildCache _cache;
    private readonly Dictionary<string, FileRecord>? _previous;
    private readonly Dictionary<string, FileRecord>? _target;
    private bool _committed;

    private OutputWriter(string outputRoot, string stagingRoot, string sparePath, IBuildCache cache, Dictionary<string, FileRecord>? previous, Dictionary<string, FileRecord>? target)
    {
        OutputRoot = outputRoot;
        StagingRoot = stagingRoot;
        _sparePath = sparePath;
        _cache = cache;
        _previous = previous;
        _target = target;

        // Sized for the previous build's files: growing a concurrent dictionary locks out every writer. Every page
        // claims its path here, most of them in a rebuild without writing anything: one lock per core made the
        // threads queue for them, so there are many more locks than threads.
        _written = new(WrittenLocks, Math.Max(previous?.Count ?? 0, 31), StringComparer.Ordinal);
    }

    public string OutputRoot { get; }

    /// <summary>The build cache the manifests are kept in, for the stages that write through this writer.</summary>
    internal IBuildCache Cache => _cache;

    /// <summary>The tree being written; after <see cref="Commit"/> it is the output.</summary>
    public string StagingRoot { get; }

    public int FileCount => _written.Count;

    /// <summary>Files written (or kept) by this build, whatever tree they went into.</summary>
    public IEnumerable<string> WrittenFiles => _written.Keys;

    /// <summary>
    /// How many files this build wrote bytes for (for the summary and tests); a kept page linked from the previous
    /// output, or already in the tree being written, is not counted.
    /// </summary>
    public int ChangedFiles { get; private set; }

    /// <param name="cache">Where the trees' manifests are kept; a clean build gives one that remembers nothing.</param>
    /// <exception cref="OutputWriteException">The file system refused to make the folders a build writes into.</exception>
    internal static OutputWriter Begin(string outputRoot, IBuildCache cache)
    {
        try
        {
            return Open(outputRoot, cache);
        }
        catch (Exception exception) when (OutputWriteException.Refusal(exception))
        {
            throw new OutputWriteException(Path.GetFullPath(outputRoot), exception);
        }
    }

    private static OutputWriter Open(string outputRoot, IBuildCache cache)
    {
        var output = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        Directory.CreateDirectory(parent);
        StagingFolders.RemoveStale(parent, name);
        var spare = Path.Combine(CacheFolder.Of(output), "spare");

        var previous = ManifestOf(cache, output);
        var spareRecord = ManifestOf(cache, spare);

        // The spare is about to change: until the build ends, nothing may vouch for it. Moving its folder's time
        // does that; two seconds, so that a file system keeping whole seconds sees the change too.
        if (spareRecord is not null && TryMoveStamp(spare, StampOf(spare)))
        {
            return new OutputWriter(output, spare, spare, cache, previous, spareRecord);
        }

        if (Directory.Exists(spare))
        {
            Directory.Delete(spare, recursive: true);
        }

        var staging = StagingFolders.Create(parent, name);
        return new OutputWriter(output, staging, spare, cache, previous, target: null);
    }

    private static Dictionary<string, FileRecord>? ManifestOf(IBuildCache cache, string tree) =>
        Directory.Exists(tree) && cache.TryGet(Manifests, KeyOf(tree, StampOf(tree)), out var manifest) ? manifest : null;

    private static Hash128 KeyOf(string tree, long stamp) => new ContentHash.Builder().Add(tree).Add(stamp).Finish();

    private static long StampOf(string folder) => Directory.GetLastWriteTimeUtc(folder).Ticks;

    /// <returns>False when the folder's time could not be moved off <paramref name="stamp"/>.</returns>
    private static bool TryMoveStamp(string folder, long stamp)
    {
        try
        {
            Directory.SetLastWriteTimeUtc(folder, new DateTime(stamp, DateTimeKind.Utc).AddSeconds(2));
            return StampOf(folder) != stamp;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reuses the previous output's file when it was made from the same inputs (same fingerprint). Returns false
    /// when the page must be rendered; throws nothing for a path already claimed (returns false too).
    /// </summary>
    public bool TryKeep(string relativePath, Hash128 fingerprint)
    {
        if (_previous is null || !_previous.TryGetValue(relativePath, out var record) || record.Fingerprint != fingerprint)
        {
            return false;
        }

        // The spare tree already holding these bytes is the common case; asking the disk whether the previous
        // output still has the file (a system call per page) is left to the pages that must be linked from it.
        if (_target is not null && _target.TryGetValue(relativePath, out var there) && there.Hash == record.Hash)
        {
            return _written.TryAdd(relativePath, record);
        }

        var source = Path.Combine(OutputRoot, relativePath);
        if (!File.Exists(source) || !_written.TryAdd(relativePath, record))
        {
            return false;
        }

        var full = Prepare(relativePath);
        try
        {
            // A hard link shares the bytes; no tree's file is ever modified in place, only replaced.
            if (!HardLinks.TryCreate(source, full))
            {
                File.Copy(source, full);
            }
        }
        catch (Exception exception) when (OutputWriteException.Refusal(exception))
        {
            throw new OutputWriteException(full, exception);
        }

        return true;
    }

    /// <summary>Returns false when another page already claimed this path.</summary>
    public bool TryWrite(string relativePath, string text, Hash128? fingerprint = null)
    {
        // Pages are encoded into a pooled buffer, not a fresh array per page.
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            var length = Utf8.GetBytes(text, buffer);
            return TryWrite(relativePath, buffer.AsSpan(0, length), fingerprint);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public bool TryWrite(string relativePath, ReadOnlySpan<byte> bytes, Hash128? fingerprint = null)
    {
        var hash = ContentHash.Of(bytes);
        if (!_written.TryAdd(relativePath, new FileRecord(hash, fingerprint)))
        {
            return false;
        }

        if (_target is not null && _target.TryGetValue(relativePath, out var there) && there.Hash == hash)
        {
            return true;
        }

        // CreateNew: the path was just claimed and any old file removed, so there is nothing to truncate.
        var full = Prepare(relativePath);
        try
        {
            using var handle = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write);
            RandomAccess.Write(handle, bytes, 0);
        }
        catch (Exception exception) when (OutputWriteException.Refusal(exception))
        {
            throw new OutputWriteException(full, exception);
        }

        lock (_written)
        {
            ChangedFiles++;
        }

        return true;
    }

    /// <exception cref="OutputWriteException">The file system refused the swap or the state file.</exception>
    public void Commit()
    {
        try
        {
            Swap();
        }
        catch (Exception exception) when (OutputWriteException.Refusal(exception))
        {
            throw new OutputWriteException(OutputRoot, exception);
        }
    }

    private void Swap()
    {
        if (_target is not null)
        {
            RemoveUnclaimed();
        }

        var hadOutput = Directory.Exists(OutputRoot);
        AtomicSwap.Replace(StagingRoot, OutputRoot, keepPrevious: true);

        // StagingRoot now holds the previous output (or nothing). Keep it as the next spare when we know its files.
        if (hadOutput && Directory.Exists(StagingRoot))
        {
            if (_previous is not null)
            {
                if (StagingRoot != _sparePath)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(_sparePath)!);
                    Directory.Move(StagingRoot, _sparePath);
                }

                _cache.Put(Manifests, KeyOf(_sparePath, StampOf(_sparePath)), _previous);
            }
            else
            {
                Directory.Delete(StagingRoot, recursive: true);
            }
        }

        _cache.Put(Manifests, KeyOf(OutputRoot, StampOf(OutputRoot)), new Dictionary<string, FileRecord>(_written, StringComparer.Ordinal));
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            Abandon();
        }
        catch (Exception exception) when (OutputWriteException.Refusal(exception))
        {
            // A disk that refused the build may refuse the tidying too: the next build sweeps the staging folder,
            // and a spare whose stamp was moved off its record is not trusted.
        }
    }

    private void Abandon()
    {
        if (_target is null)
        {
            if (Directory.Exists(StagingRoot))
            {
                Directory.Delete(StagingRoot, recursive: true);
            }

            return;
        }

        // A failed incremental build leaves the spare with some files replaced: record what it now holds.
        var files = new Dictionary<string, FileRecord>(_target, StringComparer.Ordinal);
        foreach (var (path, record) in _written)
        {
            files[path] = record;
        }

        _cache.Put(Manifests, KeyOf(StagingRoot, StampOf(StagingRoot)), files);
    }

    /// <summary>The full path in the tree being written, checked to stay inside it; an old file there is removed.</summary>
    private string Prepare(string relativePath)
    {
        var full = OutputPaths.ToFullPath(StagingRoot, relativePath)
            ?? throw new InvalidOperationException($"refusing to write '{relativePath}' outside the output folder");
        var folder = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(folder);

            if (_target is not null && File.Exists(full))
            {
                File.Delete(full);
            }
        }
        catch (Exception exception) when (OutputWriteException.Refusal(exception))
        {
            throw new OutputWriteException(full, exception);
        }

        return full;
    }

    private void RemoveUnclaimed()
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in _target!.Keys)
        {
            if (_written.ContainsKey(path))
            {
                continue;
            }

            var full = OutputPaths.ToFullPath(StagingRoot, path);
            if (full is not null && File.Exists(full))
            {
                File.Delete(full);
                folders.Add(Path.GetDirectoryName(full)!);
            }
        }

        // Remove folders left empty, deepest first, never the root.
        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            for (var current = folder; current.Length > StagingRoot.Length && Directory.Exists(current) && !Directory.EnumerateFileSystemEntries(current).Any(); current = Path.GetDirectoryName(current)!)
            {
                Directory.Delete(current);
            }
        }
    }
}

/// <param name="Hash">Content hash of the file's bytes.</param>
/// <param name="Fingerprint">For rendered pages, a hash of everything the page was made from; null for other files.</param>
[MemoryPackable]
internal sealed partial record FileRecord(Hash128 Hash, Hash128? Fingerprint);
