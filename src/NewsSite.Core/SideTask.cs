using NewsSite.Diagnostics;

namespace NewsSite;

/// <summary>
/// A stage's work run on another thread while the build does something else (reading an input a later stage needs,
/// writing an output nothing else waits for). What it finds wrong is held back until it is joined, so a build
/// reports the same problems however the threads ran.
/// </summary>
internal sealed class SideTask<T>
{
    private readonly DiagnosticBag _found = new();
    private readonly Task<T> _work;

    public SideTask(Func<DiagnosticBag, T> work) => _work = Task.Run(() => work(_found));

    /// <summary>Waits for the value and adds the work's diagnostics to the build's; what it threw is thrown here.</summary>
    public T Join(DiagnosticBag diagnostics)
    {
        var value = _work.GetAwaiter().GetResult();
        diagnostics.AddRange(_found.ToSortedList());
        return value;
    }

    /// <summary>
    /// Waits for work the build no longer needs, or is giving up on, so that nothing of it outlives the build or
    /// writes into a tree being thrown away. What went wrong in it is not reported.
    /// </summary>
    public void Abandon()
    {
        try
        {
            _work.Wait();
        }
        catch (AggregateException)
        {
            // Either nobody will look at the value, or an exception already on its way out is the one to report.
        }
    }
}
