using NodaTime;
using NodaTime.Text;

namespace NewsSite.Time;

/// <summary>
/// The newsroom's IANA time zone, from NodaTime's bundled database so that results never depend on the build
/// machine's zone or its tzdata.
/// </summary>
public sealed class SiteTimeZone
{
    private readonly DateTimeZone _zone;

    private SiteTimeZone(DateTimeZone zone) => _zone = zone;

    public static SiteTimeZone Utc { get; } = new(DateTimeZone.Utc);

    /// <summary>
    /// The first moment a date (or a build's "now") may name. Dates keep a year of margin at each end of what .NET
    /// can hold, so that every time zone's offset, the news sitemap's 48 hours and "next year" stay representable.
    /// </summary>
    public static DateTimeOffset Earliest { get; } = new(2, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last moment a date may name; see <see cref="Earliest"/>.</summary>
    public static DateTimeOffset Latest { get; } = new(9998, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>The supported range as text, for messages.</summary>
    public static string RangeText => "between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z";

    public string Id => _zone.Id;

    public static SiteTimeZone? Find(string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? new SiteTimeZone(zone) : null;

    /// <summary>
    /// Reads an ISO 8601 date or date-time. One with an offset is that instant; one without is the newsroom's
    /// wall-clock time (a date alone is its midnight). The result is expressed in the site zone's offset.
    /// </summary>
    public DateTimeOffset? Parse(string text) => Read(text).Value;

    public static bool InRange(DateTimeOffset value) => value >= Earliest && value <= Latest;

    /// <summary>
    /// <see cref="Parse"/>, telling a date outside <see cref="Earliest"/> to <see cref="Latest"/> (which is no value)
    /// from text that is not a date at all.
    /// </summary>
    public (DateTimeOffset? Value, bool OutOfRange) Read(string text)
    {
        try
        {
            return ParseUnchecked(text) is { } value ? (InRange(value) ? (value, false) : (null, true)) : (null, false);
        }
        catch (Exception exception) when (exception is OverflowException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            // NodaTime reads years -9999 to 9999 with any offset; .NET's DateTimeOffset holds years 1 to 9999 in UTC.
            return (null, true);
        }
    }

    private DateTimeOffset? ParseUnchecked(string text)
    {
        var trimmed = text.Trim();
        foreach (var pattern in Patterns.Offset)
        {
            if (pattern.Parse(trimmed) is { Success: true } offsetResult)
            {
                return InZone(offsetResult.Value.ToInstant());
            }
        }

        foreach (var pattern in Patterns.Local)
        {
            if (pattern.Parse(trimmed) is { Success: true } localResult)
            {
                return FromLocal(localResult.Value);
            }
        }

        if (LocalDatePattern.Iso.Parse(trimmed) is { Success: true } dateResult)
        {
            return FromLocal(dateResult.Value.AtMidnight());
        }

        return null;
    }

    /// <summary>The same instant expressed with this zone's offset.</summary>
    public DateTimeOffset InZone(DateTimeOffset value) => InZone(Instant.FromDateTimeOffset(value));

    /// <summary>The instant the year after <paramref name="value"/>'s year begins in this zone.</summary>
    public DateTimeOffset StartOfNextYear(DateTimeOffset value) =>
        InZone(value).Year >= 9999 ? DateTimeOffset.MaxValue : _zone.AtStartOfDay(new LocalDate(InZone(value).Year + 1, 1, 1)).ToDateTimeOffset();

    /// <summary>The zone's abbreviation in force at that instant (IST, CET, CEST), or its offset where it has none.</summary>
    public string Abbreviation(DateTimeOffset value)
    {
        var name = _zone.GetZoneInterval(Instant.FromDateTimeOffset(value)).Name;
        return name.Length > 0 && (char.IsLetter(name[0]) || name == "UTC") ? name : OffsetText(value.Offset);
    }

    private DateTimeOffset InZone(Instant instant) => instant.InZone(_zone).ToDateTimeOffset();

    // A wall-clock time skipped by a DST change moves forward; an ambiguous one takes the earlier instant.
    private DateTimeOffset FromLocal(LocalDateTime local) =>
        _zone.ResolveLocal(local, NodaTime.TimeZones.Resolvers.LenientResolver).ToDateTimeOffset();

    private static string OffsetText(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The date formats front matter may use; their own class, so only a build that parses a date makes them.</summary>
    private static class Patterns
    {
        public static readonly LocalDateTimePattern[] Local =
        [
            LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFF"),
            LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFFFF"),
            LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
            LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
        ];

        public static readonly OffsetDateTimePattern[] Offset =
        [
            OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFFo<Z+HH:mm>"),
            OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFFFFo<Z+HH:mm>"),
            OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<Z+HH:mm>"),
            OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFF' 'o<Z+HH:mm>"),
            OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFFFF' 'o<Z+HH:mm>"),
            OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFFo<Z+HHmm>"),
        ];
    }
}
