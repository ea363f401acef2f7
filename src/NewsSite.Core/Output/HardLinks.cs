using System.Runtime.InteropServices;

namespace NewsSite.Output;

/// <summary>Hard links let an incremental build reuse an unchanged file without copying its bytes.</summary>
internal static partial class HardLinks
{
    public static bool TryCreate(string existing, string link)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        try
        {
            return Link(existing, link) == 0;
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

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);
}
