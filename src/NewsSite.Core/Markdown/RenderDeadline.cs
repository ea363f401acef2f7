using System.Diagnostics;

namespace NewsSite.Markdown;

/// <summary>
/// The moment by which one body must be rendered (see <see cref="RenderBudget"/>). It is checked, not timed: a
/// cancellation timer per body cost more than rendering most bodies, and its queue is shared by all threads.
/// </summary>
internal sealed class RenderDeadline(long expiresAt)
{
    public static RenderDeadline After(TimeSpan budget) =>
        new(Stopwatch.GetTimestamp() + (long)Math.Min(budget.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 2));

    public bool IsExpired => Stopwatch.GetTimestamp() > expiresAt;

    /// <exception cref="OperationCanceledException">The time is up.</exception>
    public void Check()
    {
        if (IsExpired)
        {
            throw new OperationCanceledException("the body's render budget is spent");
        }
    }
}
