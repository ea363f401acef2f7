using NewsSite.Diagnostics;

namespace NewsSite;

/// <summary>
/// An input of a later stage, read on another thread while the build does something else. What the read finds
/// wrong is held back until it is joined, so a build reports the same problems however the threads ran.
/// </summary>
internal sealed class ReadAhead<T>
{
    private readonly DiagnosticBag _found = new();
    private readonly Task<T> _reading;

    public ReadAhead(Func<DiagnosticBag, T> read) => _reading = Task.Run(() => read(_found));

    /// <summary>Waits for the value and adds the read's diagnostics to the build's.</summary>
    public T Join(DiagnosticBag diagnostics)
    {
        var value = _reading.GetAwaiter().GetResult();
        diagnostics.AddRange(_found.ToSortedList());
        return value;
    }

    /// <summary>Waits for a read the build no longer needs, so that nothing of it outlives the build.</summary>
    public void Abandon()
    {
        try
        {
            _reading.Wait();
        }
        catch (AggregateException)
        {
            // Whatever went wrong concerns a value nobody will look at.
        }
    }
}
