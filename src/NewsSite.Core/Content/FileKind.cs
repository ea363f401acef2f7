using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NewsSite.Content;

/// <summary>
/// What a listed non-folder entry is. .NET reports named pipes, sockets and devices as ordinary files, and opening
/// one blocks (a pipe without a writer) or never ends (<c>/dev/zero</c>), so they must be told apart before reading.
/// </summary>
internal static partial class FileKind
{
    private const int CurrentFolder = -100; // AT_FDCWD
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: the open file itself
    private const uint TypeOnly = 0x1; // STATX_TYPE
    private const int ModeOffset = 28; // stx_mode in struct statx, the same on every Linux architecture
    private const int TypeMask = 0xF000; // S_IFMT

    /// <summary>
    /// "named pipe", "socket" or "device" for such an entry (the link's final target, for a link), null for a regular
    /// file or when the kind cannot be known (not Linux). Only empty files need asking: the others are none of these.
    /// </summary>
    public static string? SpecialKind(string path, long length) =>
        length != 0 || !OperatingSystem.IsLinux() ? null : Ask(status => Statx(CurrentFolder, path, 0, TypeOnly, status));

    /// <summary>The same for a file already open; a folder is named too, since opening one for reading succeeds.</summary>
    public static string? SpecialKind(SafeFileHandle file) =>
        !OperatingSystem.IsLinux() ? null : Ask(status => Statx((int)file.DangerousGetHandle(), "", EmptyPath, TypeOnly, status));

    private static string? Ask(Func<byte[], int> statx)
    {
        var status = new byte[256];
        try
        {
            if (statx(status) != 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        catch (DllNotFoundException)
        {
            return null;
        }

        return (BitConverter.ToUInt16(status, ModeOffset) & TypeMask) switch
        {
            0x1000 => "named pipe",
            0xC000 => "socket",
            0x2000 or 0x6000 => "device file",
            0x4000 => "folder",
            _ => null,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int folder, string path, int flags, uint mask, [Out] byte[] status);
}
