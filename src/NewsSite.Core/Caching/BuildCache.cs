using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using MemoryPack;
using Microsoft.Win32.SafeHandles;
using NewsSite.Content;

namespace NewsSite.Caching;

/// <summary>
/// The one store a build keeps for the next, in the cache folder beside the output: <c>cache.bin</c>, the values
/// (each a MemoryPack-serialized answer to a <see cref="CacheQuery{T}"/>), and <c>cache.index</c>, where each value
/// lies by key, headed by the identity of the tool that wrote them. The key is the hash of the query's name and of
/// the inputs the answer was computed from.
/// </summary>
/// <remarks>
/// Rules, the same for every query:
/// <list type="bullet">
/// <item>An index that is missing, damaged or written by another build of the tool reads as empty; a value whose
/// checksum does not match is missing. Nothing about the cache is ever an error, writing it included: a cache
/// that cannot be written (a full disk) is simply not updated.</item>
/// <item>Values are read when asked for, not when the index is read, so a build that needs few of them reads few.</item>
/// <item>New values are appended to <c>cache.bin</c> past the end the index names, as they are put, so they are not
/// held in memory and nothing the index names is overwritten: a build killed midway leaves the last index true.</item>
/// <item>Garbage collection: the next index names what this build used (got or put), and after a failed build
/// everything the last index named as well. It replaces the last index by a rename when the build ends. When less
/// than half of <c>cache.bin</c> is named, the named values are first copied to a new <c>cache.bin</c>.</item>
/// </list>
/// </remarks>
internal sealed partial class BuildCache : IBuildCache, IDisposable
{
    public const string FileName = "cache.bin";
    public const string IndexName = "cache.index";

    private const int HeaderLength = 16 + 8;

    private readonly string _folder;
    private readonly bool _write;
    private readonly Func<string, FileStream> _openValues;
    private readonly SafeFileHandle? _last;
    private readonly Entry[] _lastEntries;
    private readonly Dictionary<Hash128, int> _lastSlots = [];
    private readonly long _lastEnd;
    private readonly bool[] _used;
    /// <summary>What this build put, where; used only under the appending lock.</summary>
    private readonly Dictionary<Hash128, Entry> _put = [];
    private readonly Lock _appending = new();

    /// <summary>Buffers values are serialized into, used again: a large value leaves no garbage behind.</summary>
    private readonly ConcurrentBag<ArrayBufferWriter<byte>> _writers = [];
    private FileStream? _appender;
    private bool _unwritable;
    private bool _saved;

    private BuildCache(string folder, bool write, Func<string, FileStream>? openValues, SafeFileHandle? last = null, Index? index = null)
    {
        _folder = folder;
        _write = write;
        _openValues = openValues ?? (path => new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1 << 16));
        _last = last;
        _lastEntries = index?.Entries ?? [];
        for (var slot = 0; slot < _lastEntries.Length; slot++)
        {
            _lastSlots[_lastEntries[slot].Key] = slot;
        }

        _used = new bool[_lastEntries.Length];
        _lastEnd = index?.End ?? 0;
    }

    /// <summary>The build of the tool this is: answers kept by another are not used.</summary>
    public static Guid ToolIdentity { get; } = typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>A cache that has nothing and keeps nothing, for work that is not a build (the schedule).</summary>
    public static BuildCache None => new("", write: false, openValues: null);

    /// <summary>How many values the last build left (for tests).</summary>
    public int LastCount => _lastSlots.Count;

    private string ValuesPath => Path.Combine(_folder, FileName);

    /// <param name="read">False for a clean build: what earlier builds kept is ignored (and dropped when it saves).</param>
    /// <param name="write">False for a build that must leave no trace (a dry run).</param>
    /// <param name="openValues">Opens <c>cache.bin</c> for appending (tests give one that fails).</param>
    public static BuildCache Open(string folder, bool read, bool write, Func<string, FileStream>? openValues = null)
    {
        MemoryPackTypes.EnsureRegistered();
        if (write)
        {
            RemoveStaleTemporaries(folder);
        }

        var values = Path.Combine(folder, FileName);
        SafeFileHandle? last = null;
        try
        {
            // Values behind a link are not written through it: the cache starts afresh.
            if (read && ReadIndex(folder) is { } index && new FileInfo(values).LinkTarget is null)
            {
                last = RegularFile.Open(values);
                return new BuildCache(folder, write, openValues, last, index);
            }
        }
        catch (Exception exception) when (Unreadable(exception))
        {
        }

        last?.Dispose();
        return new BuildCache(folder, write, openValues);
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
            if (_put.ContainsKey(key) || Appender() is not { } appender)
            {
                return;
            }

            try
            {
                var offset = appender.Position;
                appender.Write(bytes);
                _put[key] = new Entry(key, offset, bytes.Length, checksum);
            }
            catch (Exception exception) when (Unreadable(exception))
            {
                StopWriting();
            }
        }
    }

    /// <summary>
    /// Replaces the last index with one naming what this build used and put (and, when <paramref name="buildFailed"/>,
    /// everything the last one named too), once.
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
            var live = _lastSlots.Values.Where(slot => !_put.ContainsKey(_lastEntries[slot].Key) && (buildFailed || _used[slot])).Select(slot => _lastEntries[slot]).ToList();
            if ((_put.Count == 0 && live.Count == _lastSlots.Count && _last is not null) || Appender() is not { } appender)
            {
                StopWriting();
                return;
            }

            try
            {
                live.AddRange(_put.Values);
                appender.Flush();
                var end = appender.Length;
                StopWriting();
                if (live.Sum(e => (long)e.Length) * 2 < end)
                {
                    (live, end) = Compact(live);
                }

                WriteIndex(new Index(end, [.. live]));
            }
            catch (Exception exception) when (Unreadable(exception))
            {
                StopWriting();
            }
        }
    }

    /// <summary>A new <c>cache.bin</c> holding only the live values.</summary>
    private (List<Entry> Moved, long End) Compact(List<Entry> live)
    {
        var moved = new List<Entry>(live.Count);
        var temporary = Temporary(FileName);
        using (var values = File.OpenHandle(ValuesPath, FileMode.Open, FileAccess.Read))
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var buffer = new byte[1 << 16];
            foreach (var entry in live.OrderBy(e => e.Offset))
            {
                buffer = buffer.Length < entry.Length ? new byte[entry.Length] : buffer;
                var span = buffer.AsSpan(0, entry.Length);
                if (RandomAccess.Read(values, span, entry.Offset) != entry.Length)
                {
                    throw new InvalidDataException("cache.bin ends early");
                }

                moved.Add(entry with { Offset = file.Position });
                file.Write(span);
            }
        }

        File.Move(temporary, ValuesPath, overwrite: true);
        return (moved, moved.Sum(e => (long)e.Length));
    }

    /// <summary>Saves what a build that ended without <see cref="Save"/> (it failed, or threw) put and used.</summary>
    public void Dispose()
    {
        Save(buildFailed: true);
        _last?.Dispose();
    }

    /// <summary><c>cache.bin</c>, opened for appending after the values the last index names.</summary>
    private FileStream? Appender()
    {
        try
        {
            if (_appender is null && !_unwritable)
            {
                Directory.CreateDirectory(_folder);
                if (_lastEnd == 0)
                {
                    // Whatever is there goes, a link included (not what it points to).
                    File.Delete(ValuesPath);
                }

                _appender = _openValues(ValuesPath);
                // What a killed build appended after them goes.
                _appender.SetLength(_lastEnd);
                _appender.Position = _lastEnd;
            }
        }
        catch (Exception exception) when (Unreadable(exception))
        {
            StopWriting();
        }

        return _appender;
    }

    /// <summary>Closes <c>cache.bin</c> for this build; a stream whose write failed may fail to close as well.</summary>
    private void StopWriting()
    {
        var appender = _appender;
        (_appender, _unwritable) = (null, true);
        try
        {
            appender?.Dispose();
        }
        catch (Exception exception) when (Unreadable(exception))
        {
        }
    }

    /// <summary>The index, written beside the last one and renamed over it.</summary>
    private void WriteIndex(Index index)
    {
        var bytes = MemoryPackSerializer.Serialize(index);
        var temporary = Temporary(IndexName);
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            ToolIdentity.TryWriteBytes(header);
            BinaryPrimitives.WriteUInt64LittleEndian(header[16..], XxHash3.HashToUInt64(bytes));
            file.Write(header);
            file.Write(bytes);
        }

        File.Move(temporary, Path.Combine(_folder, IndexName), overwrite: true);
    }

    /// <returns>Null when there is no sound index of this tool.</returns>
    private static Index? ReadIndex(string folder)
    {
        var bytes = RegularFile.Read(Path.Combine(folder, IndexName), Array.MaxLength);
        if (bytes.Length < HeaderLength || new Guid(bytes.AsSpan(0, 16)) != ToolIdentity
            || XxHash3.HashToUInt64(bytes.AsSpan(HeaderLength)) != BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16)))
        {
            return null;
        }

        var index = MemoryPackSerializer.Deserialize<Index>(bytes.AsSpan(HeaderLength));
        return index is { End: >= 0 } && index.Entries.All(e => e.Offset >= 0 && e.Length >= 0 && e.Offset + e.Length <= index.End) ? index : null;
    }

    private string Temporary(string name) => Path.Combine(_folder, $"{name}.{Guid.NewGuid():N}.tmp");

    /// <summary>A killed build may leave a file it was writing; the build holding the lock removes it.</summary>
    private static void RemoveStaleTemporaries(string folder)
    {
        try
        {
            foreach (var stale in Directory.EnumerateFiles(folder, "cache.*.tmp"))
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

    /// <summary>Where a value lies in <c>cache.bin</c>, and its checksum.</summary>
    internal readonly record struct Entry(Hash128 Key, long Offset, int Length, ulong Checksum);

    /// <summary>The values <c>cache.bin</c> holds up to <paramref name="End"/>.</summary>
    [MemoryPackable]
    internal sealed partial record Index(long End, Entry[] Entries);
}
