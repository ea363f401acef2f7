using System.Runtime.InteropServices;

namespace NewsSite.Tests.TestSupport;

/// <summary>
/// Runs a child process in short steps and looks at it only while it is stopped (SIGSTOP), so that a test waiting
/// for a point in a build never misses it, however fast the machine: a fast child cannot run past the point
/// between two looks. Linux only.
/// </summary>
internal static partial class ChildStepper
{
    private const int SigCont = 18;
    private const int SigStop = 19;

    /// <summary>
    /// Until <paramref name="reached"/> holds, checked with the child stopped; returns with the child stopped there,
    /// or false when the child ended first.
    /// </summary>
    /// <remarks>On a thread of its own, not the pool's: a test host busy with other tests must not leave the child
    /// running on while this waits for a turn.</remarks>
    public static Task<bool> StopWhen(int pid, Func<bool> reached) =>
        Task.Factory.StartNew(() => Step(pid, reached), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static bool Step(int pid, Func<bool> reached)
    {
        while (IsRunning(pid))
        {
            Signal(pid, SigStop);
            WaitUntilStopped(pid);
            if (reached())
            {
                return true;
            }

            Signal(pid, SigCont);
            Thread.Sleep(1);
        }

        return false;
    }

    private static void WaitUntilStopped(int pid)
    {
        // The signal is delivered asynchronously; /proc says 'T' once the process is stopped.
        while (IsRunning(pid) && State(pid) is not ('T' or 'Z' or 'X' or null))
        {
            Thread.Yield();
        }
    }

    private static char? State(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsRunning(int pid) => State(pid) is { } state && state is not ('Z' or 'X');

    private static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0 && State(pid) is not null)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
