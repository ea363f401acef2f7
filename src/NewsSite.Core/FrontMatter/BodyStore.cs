using System.Collections.Concurrent;
using System.Text;
using NewsSite.Caching;
using NewsSite.Content;

namespace NewsSite.FrontMatter;

/// <summary>
/// Keeps the Markdown bodies of a build's articles between reading and rendering: as UTF-8 (half the size of a
/// string) up to a budget, and beyond it not at all, reading the body back from its file when it is rendered.
/// Memory then stays bounded however large the archive grows. Once every page is written the held bodies are
/// let go (<see cref="Release"/>): what still wants a body afterwards (full-content feeds, search for a page an
/// incremental build kept) reads it from its file, and the budget is free for the index and feeds.
/// </summary>
internal sealed class BodyStore(long budgetBytes, Func<SourceFile, Hash128, string?> reread)
{
    private readonly ConcurrentQueue<HeldBody> _kept = new();
    private long _held;
    private bool _released;

    /// <returns>A function that gives the body back, each time it is called.</returns>
    public Func<string> Keep(string body, SourceFile file, Hash128 sourceHash)
    {
        var fromFile = FromFile(file, sourceHash);
        if (Volatile.Read(ref _released))
        {
            return fromFile;
        }

        var size = Encoding.UTF8.GetByteCount(body);
        if (Interlocked.Add(ref _held, size) > budgetBytes)
        {
            Interlocked.Add(ref _held, -size);
            return fromFile;
        }

        var held = new HeldBody(Encoding.UTF8.GetBytes(body), fromFile);
        _kept.Enqueue(held);
        return held.Read;
    }

    /// <returns>A function that reads the body back from its file, failing if the file is no longer what was read.</returns>
    public Func<string> FromFile(SourceFile file, Hash128 sourceHash) =>
        () => reread(file, sourceHash) ?? throw new ContentChangedException(file.RelativePath);

    /// <summary>Drops every held body; from now on each is read from its file. Not concurrent with <see cref="Keep"/>.</summary>
    public void Release()
    {
        Volatile.Write(ref _released, true);
        while (_kept.TryDequeue(out var held))
        {
            held.Forget();
        }

        _held = 0;
    }

    private sealed class HeldBody(byte[] utf8, Func<string> fromFile)
    {
        private byte[]? _utf8 = utf8;

        public string Read() => Volatile.Read(ref _utf8) is { } bytes ? Encoding.UTF8.GetString(bytes) : fromFile();

        public void Forget() => Volatile.Write(ref _utf8, null);
    }
}

/// <summary>An article file changed or vanished between being read and being rendered: the build must start over.</summary>
public sealed class ContentChangedException(string path)
    : IOException($"{path} changed while the site was being built; build again")
{
    public string Path { get; } = path;
}
