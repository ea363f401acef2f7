using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using MemoryPack;
using Microsoft.Win32.SafeHandles;

namespace NewsSite.Caching;

/// <summary>
/// The one store a build keeps for the next: <c>cache.bin</c> in the cache folder beside the output, a file of
/// values (each a MemoryPack-serialized answer to a <see cref="CacheQuery{T}"/>) followed by an index of them by
/// key and a trailer naming the tool that wrote it. The key is the hash of the query's name and of the inputs the
/// answer was computed from.
/// </summary>
/// <remarks>
/// Rules, the same for every query:
/// <list type="bullet">
/// <item>A file that is missing, damaged, cut short or written by another build of the tool reads as empty; a value
/// whose checksum does not match is missing. Nothing about the cache is ever an error, writing it included: a cache
/// that cannot be written (a full disk) is simply not there next time.</item>
/// <item>Values are read when asked for, not when the file is opened, so a build that needs few of them reads few.</item>
/// <item>New values are appended to the next file as they are put, so they are not held in memory.</item>
/// <item>Garbage collection: the next file holds what this build used (got or put), and after a failed build
/// everything the last file held as well. It replaces the last file whole, by a rename, when the build ends. While
/// at least half the last file's bytes are still used, the next file is a copy of it (made by the kernel) with the
/// new values appended and a new index that leaves the unused ones out; below that, it is written afresh.</item>
/// </list>
/// </remarks>
internal sealed class BuildCache : IBuildCache, IDisposable
{
    public const string FileName = "cache.bin";

    private const uint Magic = 0x3243534E; // "NSC2"
    private const int TrailerLength = 8 + 8 + 16 + 4;

    private readonly string _path;
    private readonly bool _write;
    private readonly Func<string, FileStream> _createNext;
    private readonly SafeFileHandle? _last;
    private readonly Entry[] _lastEntries;
    private readonly Dictionary<Hash128, int> _lastSlots = [];
    private readonly long _lastDataEnd;
    private readonly bool[] _used;
    /// <summary>What this build put, where; used only under the appending lock.</summary>
    private readonly Dictionary<Hash128, Entry> _put = [];
    private readonly Lock _appending = new();

    /// <summary>Buffers values are serialized into, used again: a large value leaves no garbage behind.</summary>
    private readonly ConcurrentBag<ArrayBufferWriter<byte>> _writers = [];
    private FileStream? _next;
    private string? _nextPath;
    private bool _saved;

    private BuildCache(string path, bool write, Func<string, FileStream>? createNext, SafeFileHandle? last = null, Entry[]? lastEntries = null, long lastDataEnd = 0)
    {
        _path = path;
        _write = write;
        _createNext = createNext ?? (next => new FileStream(next, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16));
        _last = last;
        _lastEntries = lastEntries ?? [];
        for (var slot = 0; slot < _lastEntries.Length; slot++)
        {
            _lastSlots[_lastEntries[slot].Key] = slot;
        }

        _used = new bool[_lastEntries.Length];
        _lastDataEnd = lastDataEnd;
    }

    /// <summary>The build of the tool this is: answers kept by another are not used.</summary>
    public static Guid ToolIdentity { get; } = typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>A cache that has nothing and keeps nothing, for work that is not a build (the schedule).</summary>
    public static BuildCache None => new("", write: false, createNext: null);

    /// <summary>How many values the last build left (for tests).</summary>
    public int LastCount => _lastSlots.Count;

    /// <param name="read">False for a clean build: what earlier builds kept is ignored (and dropped when it saves).</param>
    /// <param name="write">False for a build that must leave no trace (a dry run).</param>
    /// <param name="createNext">Opens the next file for writing (tests give one that fails).</param>
    public static BuildCache Open(string cacheRoot, bool read, bool write, Func<string, FileStream>? createNext = null)
    {
        MemoryPackTypes.EnsureRegistered();
        var path = Path.Combine(cacheRoot, FileName);
        if (write)
        {
            RemoveStaleTemporaries(cacheRoot);
        }

        SafeFileHandle? handle = null;
        try
        {
            handle = read ? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete) : null;
            if (handle is not null && ReadIndex(handle) is { } index)
            {
                return new BuildCache(path, write, createNext, handle, index.Entries, index.DataEnd);
            }
        }
        catch (Exception exception) when (Unreadable(exception))
        {
        }

        handle?.Dispose();
        return new BuildCache(path, write, createNext);
    }

    public bool TryGet<T>(CacheQuery<T> query, Hash128 inputs, [MaybeNullWhen(false)] out T value)
    {
        value = default;
        if (_last is null || !_lastSlots.TryGetValue(KeyOf(query, inputs), out var slot))
        {
            return false;
        }

        var entry = _lastEntries[slot];
        var buffer = ArrayPool<byte>.Shared.Rent(entry.Length);
        try
        {
            var bytes = buffer.AsSpan(0, entry.Length);
            if (RandomAccess.Read(_last, bytes, entry.Offset) != bytes.Length || XxHash3.HashToUInt64(bytes) != entry.Checksum)
            {
                return false;
            }

            value = MemoryPackSerializer.Deserialize<T>(bytes);
        }
        catch (Exception exception) when (Unreadable(exception) || exception is MemoryPackSerializationException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (value is null)
        {
            return false;
        }

        _used[slot] = true;
        return true;
    }

    public void Put<T>(CacheQuery<T> query, Hash128 inputs, T value)
    {
        if (!_write)
        {
            return;
        }

        var key = KeyOf(query, inputs);
        var writer = _writers.TryTake(out var free) ? free : new ArrayBufferWriter<byte>(4096);
        try
        {
            MemoryPackSerializer.Serialize(writer, value, MemoryPackSerializerOptions.Utf8);
            Append(key, writer.WrittenSpan);
        }
        finally
        {
            writer.ResetWrittenCount();
            _writers.Add(writer);
        }
    }

    private void Append(Hash128 key, ReadOnlySpan<byte> bytes)
    {
        var checksum = XxHash3.HashToUInt64(bytes);
        lock (_appending)
        {
            if (_put.ContainsKey(key) || Next() is not { } next)
            {
                return;
            }

            try
            {
                var offset = next.Position;
                next.Write(bytes);
                _put[key] = new Entry(key, offset, bytes.Length, checksum);
            }
            catch (Exception exception) when (Unreadable(exception))
            {
                Discard();
                _put.Clear();
            }
        }
    }

    /// <summary>
    /// Replaces the last file with one holding what this build used and put (and, when <paramref name="buildFailed"/>,
    /// everything the last one held too), once.
    /// </summary>
    public void Save(bool buildFailed)
    {
        lock (_appending)
        {
            if (!_write || _saved)
            {
                return;
            }

            _saved = true;
            var keep = _lastSlots.Values.Where(slot => !_put.ContainsKey(_lastEntries[slot].Key) && (buildFailed || _used[slot])).Select(slot => _lastEntries[slot]).ToList();
            if (_put.Count == 0 && keep.Count == _lastSlots.Count && _last is not null)
            {
                Discard();
                return;
            }

            try
            {
                if (Next() is { } next)
                {
                    var written = keep.Sum(e => (long)e.Length) * 2 >= _lastDataEnd && _last is not null ? Extend(next, keep) : Compact(next, keep);
                    File.Move(written, _path, overwrite: true);
                }
            }
            catch (Exception exception) when (Unreadable(exception))
            {
            }

            Discard();
        }
    }

    /// <summary>The next file written afresh: this build's values, then the kept ones copied after them.</summary>
    /// <returns>Its path.</returns>
    private string Compact(FileStream next, List<Entry> keep)
    {
        var entries = new List<Entry>(_put.Values);
        var buffer = new byte[1 << 16];
        foreach (var old in keep.OrderBy(e => e.Offset))
        {
            entries.Add(old with { Offset = next.Position });
            buffer = buffer.Length < old.Length ? new byte[old.Length] : buffer;
            var span = buffer.AsSpan(0, old.Length);
            if (RandomAccess.Read(_last!, span, old.Offset) != old.Length)
            {
                throw new InvalidDataException("the last cache file ends early");
            }

            next.Write(span);
        }

        WriteIndex(next, [.. entries]);
        next.Dispose();
        return _nextPath!;
    }

    /// <summary>The last file copied, its index cut off, this build's values appended and a new index written.</summary>
    /// <returns>Its path.</returns>
    private string Extend(FileStream next, List<Entry> keep)
    {
        next.Flush();
        var appended = $"{_path}.{Guid.NewGuid():N}.tmp";
        File.Copy(_path, appended);
        using var file = new FileStream(appended, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        file.SetLength(_lastDataEnd);
        file.Position = _lastDataEnd;
        using (var reader = new FileStream(_nextPath!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16))
        {
            reader.CopyTo(file);
        }

        WriteIndex(file, [.. keep, .. _put.Values.Select(e => e with { Offset = e.Offset + _lastDataEnd })]);
        return appended;
    }

    /// <summary>Saves what a build that ended without <see cref="Save"/> (it failed, or threw) put and used.</summary>
    public void Dispose()
    {
        Save(buildFailed: true);
        _last?.Dispose();
    }

    private FileStream? Next()
    {
        try
        {
            if (_next is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                _nextPath = $"{_path}.{Guid.NewGuid():N}.tmp";
                _next = _createNext(_nextPath);
            }
        }
        catch (Exception exception) when (Unreadable(exception))
        {
            Discard();
        }

        return _next;
    }

    /// <summary>Closes and deletes the next file. A stream whose write failed may fail to close as well.</summary>
    private void Discard()
    {
        var (next, path) = (_next, _nextPath);
        (_next, _nextPath) = (null, null);
        try
        {
            next?.Dispose();
        }
        catch (Exception exception) when (Unreadable(exception))
        {
        }

        try
        {
            if (path is not null)
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (Unreadable(exception))
        {
        }
    }

    /// <summary>The index (the entries, which MemoryPack copies as they are in memory), then the trailer.</summary>
    private static void WriteIndex(FileStream file, Entry[] entries)
    {
        var index = MemoryPackSerializer.Serialize(entries);
        file.Write(index);
        Span<byte> trailer = stackalloc byte[TrailerLength];
        BinaryPrimitives.WriteInt64LittleEndian(trailer, index.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(trailer[8..], XxHash3.HashToUInt64(index));
        ToolIdentity.TryWriteBytes(trailer[16..]);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[32..], Magic);
        file.Write(trailer);
    }

    /// <returns>Null when the file is not a sound cache file of this tool.</returns>
    private static (Entry[] Entries, long DataEnd)? ReadIndex(SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        Span<byte> trailer = stackalloc byte[TrailerLength];
        if (length < TrailerLength || RandomAccess.Read(handle, trailer, length - TrailerLength) != TrailerLength
            || BinaryPrimitives.ReadUInt32LittleEndian(trailer[32..]) != Magic || new Guid(trailer[16..32]) != ToolIdentity)
        {
            return null;
        }

        var indexLength = BinaryPrimitives.ReadInt64LittleEndian(trailer);
        var dataEnd = length - TrailerLength - indexLength;
        if (indexLength is < 0 or > int.MaxValue || dataEnd < 0)
        {
            return null;
        }

        var index = new byte[indexLength];
        if (RandomAccess.Read(handle, index, dataEnd) != index.Length || XxHash3.HashToUInt64(index) != BinaryPrimitives.ReadUInt64LittleEndian(trailer[8..]))
        {
            return null;
        }

        var entries = MemoryPackSerializer.Deserialize<Entry[]>(index);
        return entries is not null && entries.All(e => e.Offset >= 0 && e.Length >= 0 && e.Offset + e.Length <= dataEnd) ? (entries, dataEnd) : null;
    }

    /// <summary>A killed build leaves its next file behind; the build holding the lock removes it.</summary>
    private static void RemoveStaleTemporaries(string cacheRoot)
    {
        try
        {
            foreach (var stale in Directory.EnumerateFiles(cacheRoot, FileName + ".*.tmp"))
            {
                File.Delete(stale);
            }
        }
        catch (Exception exception) when (Unreadable(exception))
        {
        }
    }

    private static Hash128 KeyOf<T>(CacheQuery<T> query, Hash128 inputs)
    {
        Span<byte> bytes = stackalloc byte[16];
        inputs.Write(bytes);
        return ContentHash.Of(bytes, query.Seed);
    }

    /// <summary>What reading or writing a cache file may throw, which always means "do without it".</summary>
    private static bool Unreadable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or OverflowException or MemoryPackSerializationException;

    /// <summary>Where a value lies in the file, and its checksum.</summary>
    private readonly record struct Entry(Hash128 Key, long Offset, int Length, ulong Checksum);
}
