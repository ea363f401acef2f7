using System.Runtime.InteropServices;

namespace NewsSite.Output;

/// <summary>
/// Puts the staging folder in the output folder's place. On Linux, renameat2(RENAME_EXCHANGE) swaps the two in
/// one step, so there is no moment at which the output folder is missing; elsewhere, two renames.
/// </summary>
internal static partial class AtomicSwap
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    /// <param name="keepPrevious">Leave the previous output at the staging path instead of deleting it.</param>
    public static void Replace(string staging, string output, bool keepPrevious = false)
    {
        if (!Directory.Exists(output))
        {
            if (File.Exists(output))
            {
                throw new IOException($"the output path '{output}' is a file, not a folder");
            }

            Directory.Move(staging, output);
            return;
        }

        if (OperatingSystem.IsLinux() && TryExchange(staging, output))
        {
            // The staging path now holds the previous output.
            if (!keepPrevious)
            {
                Directory.Delete(staging, recursive: true);
            }

            return;
        }

        var previous = staging + ".previous";
        Directory.Move(output, previous);
        Directory.Move(staging, output);
        if (keepPrevious)
        {
            Directory.Move(previous, staging);
        }
        else
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    private static bool TryExchange(string a, string b)
    {
        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
