using System.Text.Json;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

public sealed class ScheduleCommandTests
{
    // The runner's clock is 2026-01-01T12:00:00Z: 07:00 EST in New York.
    private const string Fixture = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        time_zone: America/New_York
        -- content/world/out-now.md --
        ---
        headline: Out Now
        date: 2025-12-20
        ---
        Body.
        -- content/world/spring.md --
        ---
        headline: Spring Forward
        date: 2026-03-08T09:00
        ---
        Body.
        -- content/world/evening.md --
        ---
        headline: Evening Edition
        date: 2026-01-01T18:00
        ---
        Body.
        -- content/politics/offer.md --
        ---
        headline: Limited Offer
        date: 2025-12-01
        expires: 2026-02-01
        ---
        Body.
        """;

    [Fact]
    public void Text_lists_future_and_expiring_articles_in_time_order_with_offsets_and_abbreviations()
    {
        using var site = TestSite.Create(Fixture);
        var (code, output, error) = CliRunner.Run("schedule", "--source", site.Source);
        Assert.True(code == 0, error);
        Assert.Equal(
            """
            now 2026-01-01T07:00:00-05:00 EST (America/New_York)
            2026-01-01T18:00:00-05:00 EST  goes-live  content/world/evening.md  Evening Edition
            2026-02-01T00:00:00-05:00 EST  expires    content/politics/offer.md  Limited Offer
            2026-03-08T09:00:00-04:00 EDT  goes-live  content/world/spring.md  Spring Forward

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            output);
    }

    [Fact]
    public void Json_lists_the_same_changes_with_utc_times_and_urls()
    {
        using var site = TestSite.Create(Fixture);
        var (code, output, error) = CliRunner.Run("schedule", "--source", site.Source, "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("America/New_York", root.GetProperty("time_zone").GetString());
        Assert.Equal("2026-01-01T07:00:00-05:00", root.GetProperty("now").GetString());
        Assert.Equal("2026-01-01T18:00:00-05:00", root.GetProperty("next").GetString());
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(
            [
                ("goes-live", "2026-01-01T18:00:00-05:00", "2026-01-01T23:00:00Z", "content/world/evening.md", "Evening Edition", "https://news.example/world/2026/01/01/evening/"),
                ("expires", "2026-02-01T00:00:00-05:00", "2026-02-01T05:00:00Z", "content/politics/offer.md", "Limited Offer", "https://news.example/politics/2025/12/01/offer/"),
                ("goes-live", "2026-03-08T09:00:00-04:00", "2026-03-08T13:00:00Z", "content/world/spring.md", "Spring Forward", "https://news.example/world/2026/03/08/spring/"),
            ],
            changes.Select(c => (
                c.GetProperty("kind").GetString(),
                c.GetProperty("at").GetString(),
                c.GetProperty("at_utc").GetString(),
                c.GetProperty("source").GetString(),
                c.GetProperty("headline").GetString(),
                c.GetProperty("url").GetString())));
    }

    [Fact]
    public void Nothing_scheduled_says_so_in_text_and_gives_null_next_in_json()
    {
        using var site = TestSite.Create(Fixture);
        var text = CliRunner.Run("schedule", "--source", site.Source, "--now", "2026-04-01T00:00:00Z");
        Assert.Equal(0, text.ExitCode);
        Assert.Equal("now 2026-03-31T20:00:00-04:00 EDT (America/New_York)\nnothing scheduled: no article goes live or expires after now\n", text.Out);

        var json = CliRunner.Run("schedule", "--source", site.Source, "--now", "2026-04-01T00:00:00Z", "--format", "json");
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("next").ValueKind);
        Assert.Empty(document.RootElement.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public void The_build_summary_names_the_next_change()
    {
        using var site = TestSite.Create(Fixture);
        var (code, output, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.True(code == 0, error);
        Assert.Matches(
            @"^built 2 articles, \d+ pages, \d+ feeds, \d+ files, 0 warning\(s\) in \d+\.\d\d s, next scheduled change 2026-01-01T18:00:00-05:00 \(content/world/evening\.md goes-live\)\n$",
            output);
        Assert.False(File.Exists(Path.Combine(site.Output, "world/2026/01/01/evening/index.html")));
    }

    [Fact]
    public void With_now_moved_past_the_next_change_the_article_appears_and_the_summary_names_the_one_after()
    {
        using var site = TestSite.Create(Fixture);
        var schedule = CliRunner.Run("schedule", "--source", site.Source, "--format", "json");
        using var json = JsonDocument.Parse(schedule.Out);
        var next = json.RootElement.GetProperty("next").GetString()!;

        // The moment itself, pasted from the schedule, publishes the article.
        var (code, output, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--now", next);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(site.Output, "world/2026/01/01/evening/index.html")));
        Assert.Contains("next scheduled change 2026-02-01T00:00:00-05:00 (content/politics/offer.md expires)", output, StringComparison.Ordinal);

        var earlier = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--now", "2026-01-01T17:59:59-05:00");
        Assert.Equal(0, earlier.ExitCode);
        Assert.False(File.Exists(Path.Combine(site.Output, "world/2026/01/01/evening/index.html")));
    }

    [Fact]
    public void A_build_past_an_expiry_takes_the_article_down()
    {
        using var site = TestSite.Create(Fixture);
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", site.Output).ExitCode);
        Assert.True(File.Exists(Path.Combine(site.Output, "politics/2025/12/01/offer/index.html")));

        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--now", "2026-02-01T05:00:00Z").ExitCode);
        Assert.False(File.Exists(Path.Combine(site.Output, "politics/2025/12/01/offer/index.html")));
    }

    [Theory]
    [InlineData("2026-01-01T22:59:59Z", false)]
    [InlineData("2026-01-01T23:00:00Z", true)]
    [InlineData("2026-01-02T04:29:59+05:30", false)]
    [InlineData("2026-01-02T04:30:00+05:30", true)]
    [InlineData("2026-01-01T22:59:59", false)]   // no offset: UTC
    [InlineData("2026-01-01 23:00", true)]
    [InlineData("2026-01-02", true)]
    public void Now_honours_the_offset_it_is_given_and_reads_none_as_utc(string now, bool published)
    {
        using var site = TestSite.Create(Fixture);
        var (code, _, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output, "--now", now);
        Assert.True(code == 0, error);
        Assert.Equal(published, File.Exists(Path.Combine(site.Output, "world/2026/01/01/evening/index.html")));
    }

    [Fact]
    public void Source_date_epoch_sets_now_and_now_wins_over_it()
    {
        using var site = TestSite.Create(Fixture);
        var environment = new CliSetup { Environment = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1767308400" } }; // 2026-01-01T23:00:00Z
        var (code, output, _) = CliRunner.Run(environment, "schedule", "--source", site.Source);
        Assert.Equal(0, code);
        Assert.StartsWith("now 2026-01-01T18:00:00-05:00 EST (America/New_York)\n2026-02-01", output, StringComparison.Ordinal);

        var overridden = CliRunner.Run(environment, "schedule", "--source", site.Source, "--now", "2026-01-01T12:00:00Z");
        Assert.StartsWith("now 2026-01-01T07:00:00-05:00 EST", overridden.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--now", "tomorrow", "--now must be an ISO 8601 date-time")]
    [InlineData("--now", "01/02/2026", "--now must be an ISO 8601 date-time")]
    [InlineData("--format", "xml", "xml")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        using var site = TestSite.Create(Fixture);
        var (code, _, error) = CliRunner.Run("schedule", "--source", site.Source, option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_source_epoch_is_a_usage_error()
    {
        using var site = TestSite.Create(Fixture);
        var (code, _, error) = CliRunner.Run(new CliSetup { Environment = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "soon" } }, "schedule", "--source", site.Source);
        Assert.Equal(2, code);
        Assert.Contains("SOURCE_DATE_EPOCH must be whole seconds", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_errors_are_printed_with_their_location_and_exit_1()
    {
        using var site = TestSite.Create(Fixture + """

            -- content/world/bad.md --
            ---
            headline: Bad
            date: later
            ---
            Body.
            """);
        var (code, output, error) = CliRunner.Run("schedule", "--source", site.Source);
        Assert.Equal(1, code);
        Assert.Contains("content/world/bad.md:3:7: error NS0203: 'date' is not a date: 'later' (use 2025-04-30, or 2025-04-30T18:45:00+05:30)", error.Split('\n'));
        Assert.Contains("content/world/evening.md", output, StringComparison.Ordinal);
    }
}
