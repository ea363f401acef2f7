using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using MemoryPack;
using Microsoft.Win32.SafeHandles;

namespace NewsSite.Caching;

/// <summary>
/// The one store a build keeps for the next: <c>cache.bin</c> in the cache folder beside the output, a file of
/// values (each a MemoryPack-serialized answer to a <see cref="CacheQuery{T}"/>) followed by an index of them by
/// key. The key is the hash of the query's name and of the inputs the answer was computed from; the file's header
/// names the tool that wrote it.
/// </summary>
/// <remarks>
/// Rules, the same for every query:
/// <list type="bullet">
/// <item>A file that is missing, damaged, cut short or written by another build of the tool reads as empty; a value
/// whose checksum does not match is missing. Nothing about the cache is ever an error.</item>
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

    private const uint Magic = 0x4342534E; // "NSBC"
    private const int FormatVersion = 1;
    private const int HeaderLength = 4 + 4 + 16;
    private const int IndexEntryLength = 16 + 8 + 4 + 8;
    private const int FooterLength = 8 + 4 + 8 + 4;

    private readonly string _path;
    private readonly bool _write;
    private readonly SafeFileHandle? _last;
    private readonly Dictionary<Hash128, Location> _lastIndex;
    private readonly long _lastDataEnd;
    private readonly bool[] _used;
    /// <summary>What this build put, where; used only under the appending lock.</summary>
    private readonly Dictionary<Hash128, Location> _put = [];
    private readonly Lock _appending = new();
    private FileStream? _next;
    private string? _nextPath;
    private bool _saved;

    private BuildCache(string path, bool write, SafeFileHandle? last, Dictionary<Hash128, Location> lastIndex, long lastDataEnd = HeaderLength)
    {
        _path = path;
        _write = write;
        _last = last;
        _lastIndex = lastIndex;
        _used = new bool[lastIndex.Count];
        _lastDataEnd = lastDataEnd;
    }

    /// <summary>The build of the tool this is: answers kept by another are not used.</summary>
    public static Guid ToolIdentity { get; } = typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>A cache that has nothing and keeps nothing, for work that is not a build (the schedule).</summary>
    public static BuildCache None => new("", write: false, last: null, lastIndex: []);

    /// <summary>How many values the last build left (for tests).</summary>
    public int LastCount => _lastIndex.Count;

    /// <param name="read">False for a clean build: what earlier builds kept is ignored (and dropped when it saves).</param>
    /// <param name="write">False for a build that must leave no trace (a dry run).</param>
    public static BuildCache Open(string cacheRoot, bool read, bool write)
    {
        var path = Path.Combine(cacheRoot, FileName);
        if (write)
        {
            RemoveStaleTemporaries(cacheRoot);
        }

        if (!read)
        {
            return new BuildCache(path, write, null, []);
        }

        SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            if (ReadIndex(handle) is { } index)
            {
                return new BuildCache(path, write, handle, index.Entries, index.DataEnd);
            }
        }
        catch (Exception exception) when (Unreadable(exception))
        {
        }

        handle?.Dispose();
        return new BuildCache(path, write, null, []);
    }

    public bool TryGet<T>(CacheQuery<T> query, Hash128 inputs, [MaybeNullWhen(false)] out T value)
    {
        value = default;
        var key = KeyOf(query, inputs);
        if (!_lastIndex.TryGetValue(key, out var location) || _last is null)
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(location.Length);
        try
        {
            var bytes = buffer.AsSpan(0, location.Length);
            if (RandomAccess.Read(_last, bytes, location.Offset) != bytes.Length || XxHash3.HashToUInt64(bytes) != location.Checksum)
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

        _used[location.Slot] = true;
        return true;
    }

    public void Put<T>(CacheQuery<T> query, Hash128 inputs, T value)
    {
        if (!_write)
        {
            return;
        }

        var key = KeyOf(query, inputs);
        var bytes = MemoryPackSerializer.Serialize(value, MemoryPackSerializerOptions.Utf8);
        Append(key, bytes, XxHash3.HashToUInt64(bytes));
    }

    private void Append(Hash128 key, ReadOnlySpan<byte> bytes, ulong checksum)
    {
        lock (_appending)
        {
            if (_put.ContainsKey(key) || Next() is not { } next)
            {
                return;
            }

            var offset = next.Position;
            try
            {
                next.Write(bytes);
            }
            catch (Exception exception) when (Unreadable(exception))
            {
                GiveUpWriting();
                return;
            }

            _put[key] = new Location(offset, bytes.Length, checksum);
        }
    }

    /// <summary>
    /// Replaces the last file with one holding what this build used and put (and, when <paramref name="buildFailed"/>,
    /// everything the last one held too), once. Best effort: a cache that cannot be written is simply not there next
    /// time.
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

            var keep = _lastIndex.Keys.Where(key => !_put.ContainsKey(key) && (buildFailed || _used[_lastIndex[key].Slot])).ToList();
            if (_put.Count == 0 && keep.Count == _lastIndex.Count && _last is not null)
            {
                Discard();
                return;
            }

            try
            {
                if (Next() is not { } next)
                {
                    return;
                }

                var kept = keep.Sum(key => (long)_lastIndex[key].Length);
                var written = kept * 2 >= _lastDataEnd - HeaderLength && _last is not null ? Extend(next, keep) : Compact(next, keep);
                File.Move(written, _path, overwrite: true);
                if (written != _nextPath)
                {
                    Discard();
                }

                _next = null;
                _nextPath = null;
            }
            catch (Exception exception) when (Unreadable(exception))
            {
                Discard();
            }
        }
    }

    /// <summary>The next file written afresh: this build's values, then the kept ones copied after them.</summary>
    /// <returns>Its path.</returns>
    private string Compact(FileStream next, List<Hash128> keep)
    {
        // The save is the cache's last act, so what this build put becomes the index itself.
        var index = _put;
        var buffer = new byte[1 << 16];
        foreach (var key in keep.OrderBy(k => _lastIndex[k].Offset))
        {
            var old = _lastIndex[key];
            index[key] = old with { Offset = next.Position };
            Copy(old, next, ref buffer);
        }

        WriteIndex(next, index);
        next.Dispose();
        return _nextPath!;
    }

    /// <summary>The last file copied, its index cut off, this build's values appended and a new index written.</summary>
    /// <returns>Its path.</returns>
    private string Extend(FileStream next, List<Hash128> keep)
    {
        next.Flush();
        var appended = $"{_path}.{Guid.NewGuid():N}.tmp";
        File.Copy(_path, appended);
        using var file = new FileStream(appended, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        file.SetLength(_lastDataEnd);
        file.Position = _lastDataEnd;
        var index = keep.ToDictionary(key => key, key => _lastIndex[key]);
        foreach (var (key, location) in _put)
        {
            index[key] = location with { Offset = location.Offset - HeaderLength + _lastDataEnd };
        }

        using (var reader = new FileStream(_nextPath!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16))
        {
            reader.Position = HeaderLength;
            reader.CopyTo(file);
        }

        WriteIndex(file, index);
        return appended;
    }

    /// <summary>Saves what a build that ended without <see cref="Save"/> (it failed, or threw) put and used.</summary>
    public void Dispose()
    {
        Save(buildFailed: true);
        Discard();
        _last?.Dispose();
    }

    private void Copy(Location from, FileStream to, ref byte[] buffer)
    {
        if (buffer.Length < from.Length)
        {
            buffer = new byte[from.Length];
        }

        var span = buffer.AsSpan(0, from.Length);
        if (RandomAccess.Read(_last!, span, from.Offset) != from.Length)
        {
            throw new InvalidDataException("the last cache file ends early");
        }

        to.Write(span);
    }

    private FileStream? Next()
    {
        if (_next is not null)
        {
            return _next;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            _nextPath = $"{_path}.{Guid.NewGuid():N}.tmp";
            _next = new FileStream(_nextPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
            Span<byte> header = stackalloc byte[HeaderLength];
            BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], FormatVersion);
            ToolIdentity.TryWriteBytes(header[8..]);
            _next.Write(header);
            return _next;
        }
        catch (Exception exception) when (Unreadable(exception))
        {
            GiveUpWriting();
            return null;
        }
    }

    private void GiveUpWriting()
    {
        Discard();
        _put.Clear();
    }

    private void Discard()
    {
        _next?.Dispose();
        _next = null;
        if (_nextPath is not null)
        {
            try
            {
                File.Delete(_nextPath);
            }
            catch (Exception exception) when (Unreadable(exception))
            {
            }

            _nextPath = null;
        }
    }

    private static void WriteIndex(FileStream file, Dictionary<Hash128, Location> index)
    {
        var start = file.Position;
        var bytes = new byte[index.Count * IndexEntryLength];
        var at = 0;
        foreach (var (key, location) in index)
        {
            var entry = bytes.AsSpan(at, IndexEntryLength);
            key.Write(entry);
            BinaryPrimitives.WriteInt64LittleEndian(entry[16..], location.Offset);
            BinaryPrimitives.WriteInt32LittleEndian(entry[24..], location.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[28..], location.Checksum);
            at += IndexEntryLength;
        }

        file.Write(bytes);
        Span<byte> footer = stackalloc byte[FooterLength];
        BinaryPrimitives.WriteInt64LittleEndian(footer, start);
        BinaryPrimitives.WriteInt32LittleEndian(footer[8..], index.Count);
        BinaryPrimitives.WriteUInt64LittleEndian(footer[12..], XxHash3.HashToUInt64(bytes));
        BinaryPrimitives.WriteUInt32LittleEndian(footer[20..], Magic);
        file.Write(footer);
    }

    /// <returns>Null when the file is not a sound cache file of this tool.</returns>
    private static (Dictionary<Hash128, Location> Entries, long DataEnd)? ReadIndex(SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        if (length < HeaderLength + FooterLength)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        Span<byte> footer = stackalloc byte[FooterLength];
        if (RandomAccess.Read(handle, header, 0) != HeaderLength || RandomAccess.Read(handle, footer, length - FooterLength) != FooterLength
            || BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(header[4..]) != FormatVersion
            || new Guid(header[8..]) != ToolIdentity
            || BinaryPrimitives.ReadUInt32LittleEndian(footer[20..]) != Magic)
        {
            return null;
        }

        var start = BinaryPrimitives.ReadInt64LittleEndian(footer);
        var count = BinaryPrimitives.ReadInt32LittleEndian(footer[8..]);
        if (count < 0 || start < HeaderLength || start + ((long)count * IndexEntryLength) != length - FooterLength)
        {
            return null;
        }

        var bytes = new byte[count * IndexEntryLength];
        if (RandomAccess.Read(handle, bytes, start) != bytes.Length || XxHash3.HashToUInt64(bytes) != BinaryPrimitives.ReadUInt64LittleEndian(footer[12..]))
        {
            return null;
        }

        var index = new Dictionary<Hash128, Location>(count);
        for (var at = 0; at < bytes.Length; at += IndexEntryLength)
        {
            var entry = bytes.AsSpan(at, IndexEntryLength);
            var location = new Location(
                BinaryPrimitives.ReadInt64LittleEndian(entry[16..]),
                BinaryPrimitives.ReadInt32LittleEndian(entry[24..]),
                BinaryPrimitives.ReadUInt64LittleEndian(entry[28..]),
                index.TryGetValue(Hash128.Read(entry), out var repeated) ? repeated.Slot : index.Count);
            if (location.Offset < HeaderLength || location.Length < 0 || location.Offset + location.Length > start)
            {
                return null;
            }

            index[Hash128.Read(entry)] = location;
        }

        return (index, start);
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
        exception is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or OverflowException;

    /// <param name="Slot">Its place in the last file's index (not written): which values this build used.</param>
    private readonly record struct Location(long Offset, int Length, ulong Checksum, int Slot = 0);
}
