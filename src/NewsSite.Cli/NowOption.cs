using System.Globalization;
using NewsSite.Time;

namespace NewsSite.Cli;

/// <summary>"Now" for a build: --now, else SOURCE_DATE_EPOCH (reproducible builds), else the clock.</summary>
internal static class NowOption
{
    public static (TimeProvider? Clock, string? Error) Resolve(string? nowText, Terminal terminal)
    {
        if (nowText is not null)
        {
            // Strict ISO 8601 (what `schedule` prints can be pasted here); an offset is honoured, none means UTC,
            // never the machine's zone.
            return SiteTimeZone.Utc.Parse(nowText) is { } now
                ? (new FixedClock(now), null)
                : (null, $"--now must be an ISO 8601 date-time such as 2025-05-01T12:00:00+05:30 or 2025-05-01T06:30:00Z, not '{nowText}'");
        }

        var epoch = terminal.Environment("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrWhiteSpace(epoch))
        {
            return long.TryParse(epoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                ? (new FixedClock(DateTimeOffset.FromUnixTimeSeconds(seconds)), null)
                : (null, $"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{epoch}'");
        }

        return (terminal.Clock, null);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
