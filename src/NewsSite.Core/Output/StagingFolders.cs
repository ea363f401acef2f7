using System.Diagnostics;
using System.Globalization;

namespace NewsSite.Output;

/// <summary>Names the hidden staging folders (<c>.&lt;output&gt;.staging-&lt;pid&gt;</c>) and sweeps up those of dead builds.</summary>
internal static class StagingFolders
{
    public static string Create(string parent, string outputName)
    {
        var path = Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $".{outputName}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A build that was killed leaves its staging folder behind; the next build removes it.</summary>
    public static void RemoveStale(string parent, string outputName)
    {
        var prefix = $".{outputName}.staging-";
        foreach (var folder in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            var rest = Path.GetFileName(folder)[prefix.Length..];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another build may be removing it at the same moment; the next build tries again.
                }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
