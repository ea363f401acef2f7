using NodaTime;
using NodaTime.Text;

namespace NewsSite.Time;

/// <summary>
/// The newsroom's IANA time zone, from NodaTime's bundled database so that results never depend on the build
/// machine's zone or its tzdata.
/// </summary>
public sealed class SiteTimeZone
{
    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
    ];

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFFo<Z+HH:mm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFFFFo<Z+HH:mm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<Z+HH:mm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFF' 'o<Z+HH:mm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFFFF' 'o<Z+HH:mm>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFFFo<Z+HHmm>"),
    ];

    private readonly DateTimeZone _zone;

    private SiteTimeZone(DateTimeZone zone) => _zone = zone;

    public static SiteTimeZone Utc { get; } = new(DateTimeZone.Utc);

    public string Id => _zone.Id;

    public static SiteTimeZone? Find(string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? new SiteTimeZone(zone) : null;

    /// <summary>
    /// Reads an ISO 8601 date or date-time. One with an offset is that instant; one without is the newsroom's
    /// wall-clock time (a date alone is its midnight). The result is expressed in the site zone's offset.
    /// </summary>
    public DateTimeOffset? Parse(string text)
    {
        var trimmed = text.Trim();
        foreach (var pattern in OffsetPatterns)
        {
            if (pattern.Parse(trimmed) is { Success: true } offsetResult)
            {
                return InZone(offsetResult.Value.ToInstant());
            }
        }

        foreach (var pattern in LocalPatterns)
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
        _zone.AtStartOfDay(new LocalDate(InZone(value).Year + 1, 1, 1)).ToDateTimeOffset();

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
}
