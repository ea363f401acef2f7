using NewsSite.Time;

namespace NewsSite.Tests.Time;

public sealed class SiteTimeZoneTests
{
    [Theory]
    [InlineData("2025-04-30", "2025-04-30T00:00:00+05:30")]
    [InlineData("2025-04-30T18:45", "2025-04-30T18:45:00+05:30")]
    [InlineData("2025-04-30 18:45:10", "2025-04-30T18:45:10+05:30")]
    [InlineData("2025-04-30T13:15:00Z", "2025-04-30T18:45:00+05:30")]
    [InlineData("2025-04-30T09:15:00-04:00", "2025-04-30T18:45:00+05:30")]
    [InlineData("2025-04-30T18:45:00.123+05:30", "2025-04-30T18:45:00.123+05:30")]
    public void Dates_are_read_in_the_site_zone(string text, string expected)
    {
        var zone = SiteTimeZone.Find("Asia/Kolkata")!;
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), zone.Parse(text));
        Assert.Equal(TimeSpan.FromHours(5.5), zone.Parse(text)!.Value.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-13-01")]
    [InlineData("30/04/2025")]
    public void Non_dates_give_null(string text) => Assert.Null(SiteTimeZone.Utc.Parse(text));

    [Fact]
    public void Offsets_follow_daylight_saving()
    {
        var london = SiteTimeZone.Find("Europe/London")!;
        Assert.Equal(TimeSpan.Zero, london.Parse("2025-03-30T00:30")!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(1), london.Parse("2025-03-30T02:30")!.Value.Offset);
        Assert.Equal("GMT", london.Abbreviation(london.Parse("2025-01-10")!.Value));
        Assert.Equal("BST", london.Abbreviation(london.Parse("2025-07-10")!.Value));
    }

    [Fact]
    public void A_time_skipped_by_the_clock_change_moves_forward()
    {
        var london = SiteTimeZone.Find("Europe/London")!;
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 2, 30, 0, TimeSpan.FromHours(1)), london.Parse("2025-03-30T01:30"));
    }
}
