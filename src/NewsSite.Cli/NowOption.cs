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
            return SiteTimeZone.Utc.Read(nowText) switch
            {
                ({ } now, _) => (new FixedClock(now), null),
                (_, true) => (null, $"--now must fall {SiteTimeZone.RangeText}, not '{nowText}'"),
                _ => (null, $"--now must be an ISO 8601 date-time such as 2025-05-01T12:00:00+05:30 or 2025-05-01T06:30:00Z, not '{nowText}'"),
            };
        }

        var epoch = terminal.Environment("SOURCE_DATE_EPOCH");
        if (!string.IsNullOrWhiteSpace(epoch))
        {
            if (!long.TryParse(epoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                return (null, $"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{epoch}'");
            }

            return seconds >= SiteTimeZone.Earliest.ToUnixTimeSeconds() && seconds <= SiteTimeZone.Latest.ToUnixTimeSeconds()
                ? (new FixedClock(DateTimeOffset.FromUnixTimeSeconds(seconds)), null)
                : (null, $"SOURCE_DATE_EPOCH must name a moment {SiteTimeZone.RangeText} ({SiteTimeZone.Earliest.ToUnixTimeSeconds()} to {SiteTimeZone.Latest.ToUnixTimeSeconds()}), not '{epoch}'");
        }

        return (terminal.Clock, null);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
