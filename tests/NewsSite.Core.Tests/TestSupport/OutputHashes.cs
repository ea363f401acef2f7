using System.Security.Cryptography;

namespace NewsSite.Tests.TestSupport;

/// <summary>Every file of a built site by its '/'-separated relative path, with a hash of its bytes: to compare builds.</summary>
public static class OutputHashes
{
    public static SortedDictionary<string, string> Of(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
