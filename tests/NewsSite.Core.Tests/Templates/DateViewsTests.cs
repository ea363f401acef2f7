using System.Globalization;
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

    /// <summary>The framework's formatting of the same patterns is the reference.</summary>
    [Fact]
    public void Matches_the_date_patterns_for_any_moment_and_offset()
    {
        var random = new Random(20261127);
        for (var sample = 0; sample < 20_000; sample++)
        {
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 4, 14 * 4 + 1) * 15);
            var ticks = random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
            var local = new DateTimeOffset(new DateTime(ticks - (ticks % TimeSpan.TicksPerSecond)), offset);
            var zone = sample % 2 == 0 ? "IST" : "+05:30";

            var expected = new DateView(
                local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                local.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + zone,
                local.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
                local.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + zone);
            Assert.Equal(expected, DateViews.Of(local, zone));
        }
    }
}
