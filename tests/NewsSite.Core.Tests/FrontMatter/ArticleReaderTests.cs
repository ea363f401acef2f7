using NewsSite.FrontMatter;
using NewsSite.Time;

namespace NewsSite.Tests.FrontMatter;

public sealed class ArticleReaderTests
{
    private static readonly ArticleReader Reader = new(SiteTimeZone.Find("Asia/Kolkata")!, ArticleLimits.Default);

    [Fact]
    public void Every_field_of_the_contract_is_read()
    {
        var (article, diagnostics) = Reader.Read("""
            ---
            headline: " Headline "
            date: 2025-04-30T18:45:00+05:30
            updated: 2025-05-01 09:00
            section: World
            dateline: New Delhi
            dek: Standfirst
            summary: Summary
            authors: Staff Reporter
            tags: [Marco Rubio, India]
            key_points:
              - label: L
                text: T
              - Plain
            image: { src: pic.jpg, alt: Alt, caption: Cap, credit: Cred }
            slug: My Slug
            draft: true
            params: { extra: { nested: [1, 2] } }
            ---
            Body
            """ + "\n", "content/world/file-name.md");

        Assert.Empty(diagnostics);
        Assert.NotNull(article);
        Assert.Equal("Headline", article.Headline);
        Assert.Equal(new DateTimeOffset(2025, 4, 30, 18, 45, 0, TimeSpan.FromHours(5.5)), article.Date);
        Assert.Equal(new DateTimeOffset(2025, 5, 1, 9, 0, 0, TimeSpan.FromHours(5.5)), article.Updated);
        Assert.Equal("World", article.Section);
        Assert.Equal(["Staff Reporter"], article.Authors);
        Assert.Equal(["Marco Rubio", "India"], article.Tags);
        Assert.Equal([new("L", "T"), new(null, "Plain")], article.KeyPoints);
        Assert.Equal(new NewsSite.FrontMatter.ArticleImage("pic.jpg", "Alt", "Cap", "Cred"), article.Image);
        Assert.Equal("my-slug", article.Slug);
        Assert.True(article.Draft);
        Assert.Equal("Body\n", article.Body);
        Assert.Equal(20, article.BodyLine);
        var extra = Assert.IsType<Dictionary<string, object?>>(article.Params["extra"]);
        Assert.Equal(["1", "2"], Assert.IsType<List<object?>>(extra["nested"]));
    }

    [Fact]
    public void Defaults_come_from_the_path()
    {
        var (article, _) = Reader.Read("---\nheadline: H\ndate: 2025-01-01\n---\n", "content/business/Rupee Falls.md");
        Assert.Equal("business", article!.Section);
        Assert.Equal("rupee-falls", article.Slug);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(5.5)), article.Date);
    }

    [Fact]
    public void Article_at_the_content_root_has_no_section()
    {
        var (article, _) = Reader.Read("---\nheadline: H\ndate: 2025-01-01\n---\n", "content/about.md");
        Assert.Null(article!.Section);
    }

    [Fact]
    public void Date_with_an_offset_is_the_same_instant_in_the_site_zone()
    {
        var (article, _) = Reader.Read("---\nheadline: H\ndate: 2025-01-01T00:00:00Z\n---\n", "content/a.md");
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 5, 30, 0, TimeSpan.FromHours(5.5)), article!.Date);
        Assert.Equal(TimeSpan.FromHours(5.5), article.Date.Offset);
    }

    [Fact]
    public void Wrong_types_are_reported_at_the_value()
    {
        var (article, diagnostics) = Reader.Read("---\nheadline: [a, b]\ndate: 2025-01-01\ndraft: maybe\n---\n", "content/a.md");
        Assert.Null(article);
        Assert.Equal(
            [
                "content/a.md:2:11: error NS0202: 'headline' must be a single value, not a list",
                "content/a.md:4:8: error NS0202: 'draft' must be true or false, not 'maybe'",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Too_many_tags_is_an_error()
    {
        var tags = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"t{i}"));
        var (_, diagnostics) = Reader.Read($"---\nheadline: H\ndate: 2025-01-01\ntags: [{tags}]\n---\n", "content/a.md");
        Assert.Contains(diagnostics, d => d.Code == "NS0207" && d.Location!.Value.Line == 4);
    }

    [Theory]
    [InlineData("key_points", 21, "content/a.md:4:13: error NS0207: 'key_points' has 21 entries; at most 20 are allowed")]
    [InlineData("authors", 21, "content/a.md:4:10: error NS0207: 'authors' has 21 entries; at most 20 are allowed")]
    [InlineData("tags", 51, "content/a.md:4:7: error NS0207: 'tags' has 51 entries; at most 50 are allowed")]
    public void Lists_beyond_their_limit_are_errors_with_a_clear_message(string field, int count, string expected)
    {
        var items = string.Join(", ", Enumerable.Range(0, count).Select(i => $"v{i}"));
        var (article, diagnostics) = Reader.Read($"---\nheadline: H\ndate: 2025-01-01\n{field}: [{items}]\n---\n", "content/a.md");
        Assert.Null(article);
        Assert.Equal([expected], diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Corrections_beyond_their_limit_are_an_error()
    {
        var items = string.Join(", ", Enumerable.Range(0, 51).Select(i => "{date: 2025-01-02, text: t}"));
        var (_, diagnostics) = Reader.Read($"---\nheadline: H\ndate: 2025-01-01\ncorrections: [{items}]\n---\n", "content/a.md");
        Assert.Equal(["content/a.md:4:14: error NS0207: 'corrections' has more than 50 entries"], diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void An_unknown_field_is_a_warning_at_its_line_that_names_the_nearest_field()
    {
        var (article, diagnostics) = Reader.Read("---\nheadline: H\ndate: 2025-01-01\nkey_point: [One]\nDateline: Paris\nmood: calm\n---\nBody\n", "content/a.md");
        Assert.NotNull(article);
        Assert.Equal(
            [
                "content/a.md:4:1: warning NS0208: unknown field 'key_point'; did you mean 'key_points'? (a field of your own for templates goes under 'params:')",
                "content/a.md:5:1: warning NS0208: unknown field 'Dateline'; did you mean 'dateline'? (a field of your own for templates goes under 'params:')",
                "content/a.md:6:1: warning NS0208: unknown field 'mood' (a field of your own for templates goes under 'params:')",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Fields_under_params_are_given_to_templates_without_a_warning()
    {
        var (article, diagnostics) = Reader.Read("---\nheadline: H\ndate: 2025-01-01\nparams:\n  mood: calm\n---\nBody\n", "content/a.md");
        Assert.Empty(diagnostics);
        Assert.Equal("calm", article!.Params["mood"]);
    }

    [Fact]
    public void Text_swallowed_by_a_missing_closing_fence_points_at_the_missing_fence()
    {
        // The closing '---' after the date is missing; the rule further down closes the front matter instead.
        var (article, diagnostics) = Reader.Read("""
            ---
            headline: H
            date: 2025-01-01

            The minister said: talks will resume on Monday.
            Officials confirmed: the venue is Geneva.

            ---

            Later text.
            """ + "\n", "content/a.md");
        Assert.Null(article);
        Assert.Equal(
            ["content/a.md:5:1: error NS0102: 'The minister said' reads like text, not a field: the front matter's closing '---' seems to be missing before this line, and the '---' on line 8 closed it instead"],
            diagnostics.Select(d => d.ToString()));
    }
}
