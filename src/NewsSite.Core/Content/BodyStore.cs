using System.Text;

namespace NewsSite.Content;

/// <summary>
/// Keeps the Markdown bodies of a build's articles between reading and rendering: as UTF-8 (half the size of a
/// string) up to a budget, and beyond it not at all, reading the body back from its file when it is rendered.
/// Memory then stays bounded however large the archive grows.
/// </summary>
internal sealed class BodyStore(long budgetBytes, Func<SourceFile, string, string?> reread)
{
    private long _held;

    /// <returns>A function that gives the body back, each time it is called.</returns>
    public Func<string> Keep(string body, SourceFile file, string sourceHash)
    {
        var size = Encoding.UTF8.GetByteCount(body);
        if (Interlocked.Add(ref _held, size) <= budgetBytes)
        {
            var utf8 = Encoding.UTF8.GetBytes(body);
            return () => Encoding.UTF8.GetString(utf8);
        }

        Interlocked.Add(ref _held, -size);
        return FromFile(file, sourceHash);
    }

    /// <returns>A function that reads the body back from its file, failing if the file is no longer what was read.</returns>
    public Func<string> FromFile(SourceFile file, string sourceHash) =>
        () => reread(file, sourceHash) ?? throw new ContentChangedException(file.RelativePath);
}

/// <summary>An article file changed or vanished between being read and being rendered: the build must start over.</summary>
public sealed class ContentChangedException(string path)
    : IOException($"{path} changed while the site was being built; build again")
{
    public string Path { get; } = path;
}
