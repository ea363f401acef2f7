using NewsSite.Templates;

namespace NewsSite.Tests.Templates;

public sealed class DateViewsTests
{
    [Fact]
    public void Writes_a_date_as_the_theme_shows_it()
    {
        var date = DateViews.Of(new DateTimeOffset(2026, 3, 7, 9, 5, 3, TimeSpan.FromHours(1)), "CET");

        Assert.Equal(new DateView("2026-03-07T09:05:03+01:00", "7 March 2026, 09:05 CET", "7 Mar 2026", "09:05 CET"), date);
    }

    [Fact]
    public void A_single_digit_day_and_a_negative_half_hour_offset_are_written_as_they_are()
    {
        var date = DateViews.Of(new DateTimeOffset(2025, 11, 2, 23, 59, 0, TimeSpan.FromMinutes(-210)), "-03:30");

        Assert.Equal(new DateView("2025-11-02T23:59:00-03:30", "2 November 2025, 23:59 -03:30", "2 Nov 2025", "23:59 -03:30"), date);
    }
}
