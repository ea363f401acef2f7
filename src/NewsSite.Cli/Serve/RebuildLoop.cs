using System.Threading.Channels;

namespace NewsSite.Cli.Serve;

/// <summary>
/// Collects file changes until none has come for <c>quiet</c> (an editor's save is often several events), then
/// rebuilds once with the list of what changed. Changes during a build lead to one more build after it.
/// </summary>
internal sealed class RebuildLoop(ChannelReader<string> changes, TimeSpan quiet, Action<IReadOnlyList<string>> rebuild)
{
    /// <summary>However busy the folder, a build starts at the latest this long after the first change.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (await changes.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                var changed = new SortedSet<string>(StringComparer.Ordinal);
                var started = Environment.TickCount64;
                Drain(changed);
                while (Environment.TickCount64 - started < MaxWait.TotalMilliseconds && await MoreWithin(quiet, stop).ConfigureAwait(false))
                {
                    Drain(changed);
                }

                Drain(changed);
                rebuild([.. changed]);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Drain(SortedSet<string> changed)
    {
        while (changes.TryRead(out var path))
        {
            changed.Add(path);
        }
    }

    private async Task<bool> MoreWithin(TimeSpan wait, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(wait);
        try
        {
            return await changes.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return false;
        }
    }
}
