using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd.HostileBuilds;

/// <summary>
/// Values at the edges of what a date or a file name can hold are located errors that fail the build and keep the
/// previous output; never an internal error.
/// </summary>
public sealed class EdgeValueTests
{
    private const string GoodArticle = """
        -- content/world/good.md --
        ---
        headline: A good article
        date: 2025-01-02
        ---
        Fine.
        """;

    private static readonly string Long = new('a', 300);

    public static TheoryData<string, string> EdgeDates() => new()
    {
        { "date: 0001-01-01", "content/world/edge.md:3:7: error NS0203: 'date' is out of range: '0001-01-01' (dates must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z)" },
        { "date: 0001-01-01T00:00:00+14:00", "content/world/edge.md:3:7: error NS0203: 'date' is out of range: '0001-01-01T00:00:00+14:00' (dates must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z)" },
        { "date: 0000-06-01", "content/world/edge.md:3:7: error NS0203: 'date' is out of range: '0000-06-01' (dates must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z)" },
        { "date: 9999-12-31T23:59:59", "content/world/edge.md:3:7: error NS0203: 'date' is out of range: '9999-12-31T23:59:59' (dates must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z)" },
        { "date: 9999-12-31T23:59:59-14:00", "content/world/edge.md:3:7: error NS0203: 'date' is out of range: '9999-12-31T23:59:59-14:00' (dates must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z)" },
        { "date: 2025-01-01\nupdated: 9999-12-31T23:59:59-12:00", "content/world/edge.md:4:10: error NS0203: 'updated' is out of range: '9999-12-31T23:59:59-12:00' (dates must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z)" },
        { "date: 2025-01-01\nexpires: 9999-12-31T23:59:59+14:00", "content/world/edge.md:4:10: error NS0203: 'expires' is out of range: '9999-12-31T23:59:59+14:00' (dates must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z)" },
        { "date: 2025-01-01\nexpires: 0001-01-01T00:00:00+01:00", "content/world/edge.md:4:10: error NS0203: 'expires' is out of range: '0001-01-01T00:00:00+01:00' (dates must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z)" },
        { "date: 2025-01-01\ncorrections:\n  - date: 0001-01-01T00:00:00+14:00\n    text: Fixed", "content/world/edge.md:5:11: error NS0203: 'date' is out of range: '0001-01-01T00:00:00+14:00' (dates must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z)" },
    };

    [Theory]
    [MemberData(nameof(EdgeDates))]
    public void A_date_at_the_edge_of_the_representable_range_is_a_located_error(string fields, string expected)
    {
        using var site = TestSite.Create(GoodArticle);
        site.Build().AssertSucceeded();
        var before = OutputHashes.Of(site.Output);

        site.WriteFile("content/world/edge.md", $"---\nheadline: Edge\n{fields}\n---\nBody\n");
        var built = site.Build();

        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic(expected);
        Assert.Equal(before, OutputHashes.Of(site.Output));
    }

    [Fact]
    public void The_last_dates_in_range_build_in_the_zones_farthest_from_utc()
    {
        foreach (var zone in new[] { "Pacific/Kiritimati", "Etc/GMT+12" })
        {
            using var site = TestSite.Create($"""
                -- site.yaml --
                title: Test Times
                base_url: https://news.example/
                time_zone: {zone}
                -- content/world/edge.md --
                ---
                headline: The last second
                date: 9998-12-31T23:59:59Z
                updated: 9998-12-31T23:59:59Z
                expires: 9998-12-31T23:59:59Z
                ---
                Body
                """);
            var built = site.Build(o => o with { Clock = new FixedClock(new DateTimeOffset(9998, 12, 31, 23, 59, 59, TimeSpan.Zero)), IncludeFuture = true });
            built.AssertSucceeded();
        }
    }

    [Fact]
    public void A_clock_outside_the_range_is_an_error_not_a_crash()
    {
        using var site = TestSite.Create(GoodArticle);
        var built = site.Build(o => o with { Clock = new FixedClock(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero)) });
        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic("error NS0203: the build's \"now\" must fall between 0002-01-01T00:00:00Z and 9998-12-31T23:59:59Z");
        Assert.False(Directory.Exists(site.Output));
    }

    public static TheoryData<string, string> LongNames() => new()
    {
        { $"slug: {Long}", "content/world/edge.md:4:7: error NS0209: the slug is 300 characters long; a file system allows 255: shorten it" },
        { $"tags: [{Long}]", $"content/world/edge.md:1:1: error NS0209: this article's tag makes a URL part of 300 bytes ('{Long[..40]}...'); a file system allows 255: shorten it" },
        { $"authors: [{Long}]", $"content/world/edge.md:1:1: error NS0209: this article's author makes a URL part of 300 bytes ('{Long[..40]}...'); a file system allows 255: shorten it" },
        { $"section: {Long}", $"content/world/edge.md:1:1: error NS0209: this article's section makes a URL part of 300 bytes ('{Long[..40]}...'); a file system allows 255: shorten it" },
    };

    [Theory]
    [MemberData(nameof(LongNames))]
    public void A_name_longer_than_a_file_system_allows_is_a_located_error(string field, string expected)
    {
        using var site = TestSite.Create(GoodArticle);
        site.Build().AssertSucceeded();
        var before = OutputHashes.Of(site.Output);

        site.WriteFile("content/world/edge.md", $"---\nheadline: Edge\ndate: 2025-01-01\n{field}\n---\nBody\n");
        var built = site.Build();

        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic(expected);
        Assert.Equal(before, OutputHashes.Of(site.Output));
    }

    [Fact]
    public void A_permalink_pattern_that_joins_two_long_parts_is_reported_at_the_article()
    {
        var slug = new string('b', 200);
        var section = new string('s', 100);
        using var site = TestSite.Create($"""
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/
            permalink: /{"{section}"}-{"{slug}"}/
            -- content/{section}/edge.md --
            ---
            headline: Edge
            date: 2025-01-01
            slug: {slug}
            ---
            Body
            """);
        var built = site.Build();
        Assert.False(built.Result.Succeeded);
        built.AssertDiagnostic($"content/{section}/edge.md:1:1: error NS0209: this article's permalink makes a URL part of 301 bytes ('{section[..40]}...'); a file system allows 255: shorten it");
    }
}
