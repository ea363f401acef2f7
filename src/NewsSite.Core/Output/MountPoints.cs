using System.Text;

namespace NewsSite.Output;

/// <summary>Whether a folder is where a file system is mounted, from Linux's <c>/proc/self/mountinfo</c>.</summary>
internal static class MountPoints
{
    private const string MountInfo = "/proc/self/mountinfo";

    /// <returns>False where the list cannot be read (not Linux): the swap's rename then reports the mount point.</returns>
    public static bool IsMountPoint(string fullPath)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(MountInfo))
        {
            return false;
        }

        try
        {
            // Field 5 of each line is the mount point, with space, tab, newline and backslash written as \ooo.
            return File.ReadLines(MountInfo)
                .Select(line => line.Split(' '))
                .Any(fields => fields.Length > 4 && string.Equals(Unescape(fields[4]), fullPath, StringComparison.Ordinal));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                text.Append((char)(((field[i + 1] - '0') * 64) + ((field[i + 2] - '0') * 8) + (field[i + 3] - '0')));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
