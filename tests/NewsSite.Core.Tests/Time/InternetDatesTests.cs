using NewsSite.Time;

namespace NewsSite.Tests.Time;

public sealed class InternetDatesTests
{
    [Theory]
    [InlineData(5, 30, "Wed, 30 Apr 2025 18:45:00 +0530")]
    [InlineData(0, 0, "Wed, 30 Apr 2025 18:45:00 +0000")]
    [InlineData(-3, -30, "Wed, 30 Apr 2025 18:45:00 -0330")]
    public void Rfc822_uses_a_four_digit_year_and_the_moments_own_offset(int hours, int minutes, string expected) =>
        Assert.Equal(expected, InternetDates.Rfc822(new DateTimeOffset(2025, 4, 30, 18, 45, 0, new TimeSpan(hours, minutes, 0))));

    [Fact]
    public void Rfc822_pads_the_day_and_names_day_and_month_in_english()
    {
        Assert.Equal("Thu, 01 May 2025 09:05:07 +0530", InternetDates.Rfc822(new DateTimeOffset(2025, 5, 1, 9, 5, 7, TimeSpan.FromHours(5.5))));
    }

    [Theory]
    [InlineData(5, 30, "2025-04-30T18:45:00+05:30")]
    [InlineData(0, 0, "2025-04-30T18:45:00+00:00")]
    [InlineData(-3, -30, "2025-04-30T18:45:00-03:30")]
    public void Rfc3339_keeps_the_offset_and_drops_fractions(int hours, int minutes, string expected) =>
        Assert.Equal(expected, InternetDates.Rfc3339(new DateTimeOffset(2025, 4, 30, 18, 45, 0, 500, new TimeSpan(hours, minutes, 0))));
}
