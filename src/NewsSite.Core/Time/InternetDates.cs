using System.Globalization;

namespace NewsSite.Time;

/// <summary>The date formats feeds and sitemaps require, always with the moment's own offset.</summary>
internal static class InternetDates
{
    /// <summary>RFC 3339 (Atom, JSON Feed, sitemaps): <c>2025-04-30T18:45:00+05:30</c>.</summary>
    public static string Rfc3339(DateTimeOffset value) =>
        value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", CultureInfo.InvariantCulture);

    /// <summary>RFC 822 with a four-digit year, as RSS 2.0 asks: <c>Wed, 30 Apr 2025 18:45:00 +0530</c>.</summary>
    public static string Rfc822(DateTimeOffset value) =>
        value.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
        + value.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
}
