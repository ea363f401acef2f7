using System.Collections.Concurrent;
using System.Text;
using NewsSite.Routing;

namespace NewsSite.Output;

/// <summary>
/// Writes a build into a staging folder beside the output folder and swaps it in only when the whole build
/// succeeded, so a failed or killed build leaves the previous site exactly as it was.
/// </summary>
public sealed class OutputWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);
    private bool _committed;

    private OutputWriter(string outputRoot, string stagingRoot)
    {
        OutputRoot = outputRoot;
        StagingRoot = stagingRoot;
    }

    public string OutputRoot { get; }

    public string StagingRoot { get; }

    public int FileCount => _written.Count;

    public IEnumerable<string> WrittenFiles => _written.Keys;

    public static OutputWriter Begin(string outputRoot)
    {
        var output = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        StagingFolders.RemoveStale(parent, Path.GetFileName(output));
        var staging = StagingFolders.Create(parent, Path.GetFileName(output));
        return new OutputWriter(output, staging);
    }

    /// <summary>Returns false when another page already claimed this path.</summary>
    public bool TryWrite(string relativePath, string text) => TryWrite(relativePath, Utf8.GetBytes(text));

    public bool TryWrite(string relativePath, ReadOnlySpan<byte> bytes)
    {
        var full = Claim(relativePath);
        if (full is null)
        {
            return false;
        }

        File.WriteAllBytes(full, bytes);
        return true;
    }

    public bool TryCopy(string relativePath, string sourceFile)
    {
        var full = Claim(relativePath);
        if (full is null)
        {
            return false;
        }

        File.Copy(sourceFile, full);
        return true;
    }

    public void Commit()
    {
        AtomicSwap.Replace(StagingRoot, OutputRoot);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingRoot))
        {
            Directory.Delete(StagingRoot, recursive: true);
        }
    }

    private string? Claim(string relativePath)
    {
        if (!_written.TryAdd(relativePath, 0))
        {
            return null;
        }

        var full = OutputPaths.ToFullPath(StagingRoot, relativePath)
            ?? throw new InvalidOperationException($"refusing to write '{relativePath}' outside the output folder");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }
}
