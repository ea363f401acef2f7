using System.Threading.Channels;

namespace NewsSite.Cli.Serve;

/// <summary>Tells every open page (each an event-stream subscriber) that a build finished.</summary>
internal sealed class ReloadBroadcaster
{
    private readonly Lock _gate = new();
    private readonly List<Channel<PreviewSnapshot>> _subscribers = [];

    public Subscription Subscribe()
    {
        // Only the newest build matters to a page, so a slow subscriber keeps just the latest one.
        var channel = Channel.CreateBounded<PreviewSnapshot>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    public void Publish(PreviewSnapshot snapshot)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(snapshot);
            }
        }
    }

    private void Remove(Channel<PreviewSnapshot> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
    }

    internal sealed class Subscription(ReloadBroadcaster owner, Channel<PreviewSnapshot> channel) : IDisposable
    {
        public ChannelReader<PreviewSnapshot> Reader => channel.Reader;

        public void Dispose() => owner.Remove(channel);
    }
}
