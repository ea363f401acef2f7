using System.Diagnostics;

namespace NewsSite.Tests.TestSupport;

/// <summary>Files a hostile site or a damaged cache may hold that are not ordinary files of ordinary size.</summary>
public static class SpecialFiles
{
    /// <summary>A hang fails the test instead of stalling the run.</summary>
    public static readonly TimeSpan BuildLimit = TimeSpan.FromSeconds(60);

    /// <summary>A named pipe without a writer: opening it for reading waits for one, forever.</summary>
    public static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A file of <paramref name="length"/> bytes that takes no room on disk (its bytes are all zero).</summary>
    public static void MakeSparse(string path, long length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(length);
    }

    /// <summary>
    /// A file in <paramref name="folder"/> whose name is given as printf(1) writes it, so that it may hold bytes that
    /// are not UTF-8 (<c>bad-\377.md</c>), which no .NET string can name, nor delete: disposing deletes it.
    /// </summary>
    public static IDisposable MakeNamedInBytes(string folder, string printfName)
    {
        Directory.CreateDirectory(folder);
        Shell(folder, "touch \"$(printf \"$1\")\"", printfName);
        return new Deletion(() => Shell(folder, "rm -f -- \"$(printf \"$1\")\"", printfName));
    }

    private static void Shell(string folder, string script, string argument)
    {
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", script, "sh", argument]) { UseShellExecute = false, WorkingDirectory = folder })!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }

    private sealed class Deletion(Action delete) : IDisposable
    {
        public void Dispose() => delete();
    }

    /// <summary>Builds the site, failing the test if the build has not finished within <see cref="BuildLimit"/>.</summary>
    public static BuiltSite BuildWithin(TestSite site, Func<BuildOptions, BuildOptions>? configure = null)
    {
        var build = Task.Run(() => site.Build(configure));
        Assert.True(build.Wait(BuildLimit), $"the build did not finish within {BuildLimit.TotalSeconds:0} s");
        return build.Result;
    }
}
