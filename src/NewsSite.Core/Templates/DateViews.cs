using System.Globalization;
using NewsSite.Time;

namespace NewsSite.Templates;

/// <summary>The four ways templates show a moment: fixed patterns in the invariant culture.</summary>
internal static class DateViews
{
    /// <param name="local">The moment in the site's time zone.</param>
    /// <param name="zone">The zone's abbreviation at that moment (CET, or +05:30 where it has none).</param>
    public static DateView Of(DateTimeOffset local, string zone)
    {
        var time = local.ToString("HH':'mm", CultureInfo.InvariantCulture) + " " + zone;
        return new(
            InternetDates.Rfc3339(local),
            local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + ", " + time,
            local.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            time);
    }
}
