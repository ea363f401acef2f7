using System.Text;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

public sealed class BuildCommandTests
{
    private const string GoodArticle = """
        -- content/world/good.md --
        ---
        headline: A good article
        date: 2025-01-02
        ---
        Fine.
        """;

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        {
            "no closing fence",
            "---\nheadline: H\ndate: 2025-01-01\nBody without a closing line\n",
            "content/world/bad.md:1:1: error NS0102: the front matter opened here is never closed: add a '---' line after the last field"
        },
        {
            "no front matter",
            "Just a body.\n",
            "content/world/bad.md:1:1: error NS0101: the file must start with a '---' line that opens the front matter (headline, date, ...)"
        },
        {
            "invalid YAML",
            "---\nheadline: H\ndate: 2025-01-01\ntags: [a, b\n---\nBody\n",
            "content/world/bad.md:5:1: error NS0103: invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'"
        },
        {
            "missing headline",
            "---\ndate: 2025-01-01\n---\nBody\n",
            "content/world/bad.md:1:1: error NS0201: 'headline' is required"
        },
        {
            "empty headline",
            "---\nheadline: \"\"\ndate: 2025-01-01\n---\nBody\n",
            "content/world/bad.md:2:11: error NS0201: 'headline' is required"
        },
        {
            "missing date",
            "---\nheadline: H\n---\nBody\n",
            "content/world/bad.md:1:1: error NS0201: 'date' is required (for example 2025-04-30T18:45:00+05:30)"
        },
        {
            "date that does not parse",
            "---\nheadline: H\ndate: yesterday\n---\nBody\n",
            "content/world/bad.md:3:7: error NS0203: 'date' is not a date: 'yesterday' (use 2025-04-30, or 2025-04-30T18:45:00+05:30)"
        },
        {
            "impossible date",
            "---\nheadline: H\ndate: 2025-02-30\n---\nBody\n",
            "content/world/bad.md:3:7: error NS0203: 'date' is not a date: '2025-02-30' (use 2025-04-30, or 2025-04-30T18:45:00+05:30)"
        },
        {
            "key points that are not a list",
            "---\nheadline: H\ndate: 2025-01-01\nkey_points: just one string\n---\nBody\n",
            "content/world/bad.md:4:13: error NS0204: 'key_points' must be a list (each line starting with '- '), not a single value"
        },
        {
            "image without alt",
            "---\nheadline: H\ndate: 2025-01-01\nimage:\n  src: /media/x.jpg\n---\nBody\n",
            "content/world/bad.md:5:3: error NS0205: the image needs 'alt', a text that describes it for readers who cannot see it"
        },
        {
            "slug that leaves the output folder",
            "---\nheadline: H\ndate: 2025-01-01\nslug: ../../../etc/passwd\n---\nBody\n",
            "content/world/bad.md:4:7: error NS0206: slug '../../../etc/passwd' would write outside the article's folder; a slug is one URL segment like 'quake-hits-city'"
        },
        {
            "section that leaves the output folder",
            "---\nheadline: H\ndate: 2025-01-01\nsection: ../../outside\n---\nBody\n",
            "content/world/bad.md:4:10: error NS0206: section '../../outside' would write outside the output folder; name a section like 'World'"
        },
        {
            "duplicate key",
            "---\nheadline: H\ndate: 2025-01-01\nheadline: Again\n---\nBody\n",
            "content/world/bad.md:4:1: error NS0104: duplicate key 'headline'"
        },
        {
            "YAML alias bomb",
            "---\nheadline: H\ndate: 2025-01-01\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\nBody\n",
            "content/world/bad.md:7:36: error NS0105: YAML expands to more than 10000 values (an alias bomb?)"
        },
        {
            "front matter that is a list",
            "---\n- headline\n- date\n---\nBody\n",
            "content/world/bad.md:2:1: error NS0106: front matter must be fields of the form 'name: value' (headline, date, ...)"
        },
        {
            "image file that does not exist",
            "---\nheadline: H\ndate: 2025-01-01\nimage:\n  src: missing.jpg\n  alt: A picture\n---\nBody\n",
            "content/world/bad.md:5:8: error NS0303: image 'missing.jpg' was not found; put the file under content/ (content/world/missing.jpg)"
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_reported_with_its_location_exits_1_and_keeps_the_previous_output(string name, string badFile, string expected)
    {
        using var site = TestSite.Create(GoodArticle);
        var first = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.Equal(0, first.ExitCode);
        var before = Snapshot(site.Output);
        Assert.NotEmpty(before);

        site.WriteFile("content/world/bad.md", badFile);
        var (code, _, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);

        Assert.True(code == 1, $"{name}: expected exit 1, got {code}\n{error}");
        Assert.Contains(expected, error.Split('\n'));
        Assert.Equal(before, Snapshot(site.Output));
    }

    [Fact]
    public void Two_articles_with_the_same_url_are_both_named()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: 2025-01-02
            slug: same
            ---
            A.
            -- content/world/b.md --
            ---
            headline: B
            date: 2025-01-02
            slug: same
            ---
            B.
            """);
        var (code, _, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.Equal(1, code);
        Assert.Contains("content/world/b.md:1:1: error NS0301: this article would be written to /world/2025/01/02/same/, where content/world/a.md is already; give one of them another 'slug'", error.Split('\n'));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Invalid_utf8_names_the_file_and_the_position()
    {
        using var site = TestSite.Create(GoodArticle);
        site.WriteBytes("content/world/latin1.md", [.. "---\nheadline: Caf"u8, 0xE9, .. " \n---\n"u8]);
        var (code, _, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.Equal(1, code);
        Assert.Contains("content/world/latin1.md:2:14: error NS0001: file is not valid UTF-8; save it as UTF-8", error.Split('\n'));
    }

    [Fact]
    public void Every_problem_in_every_file_is_reported_at_once_sorted_by_path()
    {
        using var site = TestSite.Create("""
            -- content/world/z.md --
            ---
            headline: Z
            date: never
            ---
            Z.
            -- content/world/a.md --
            ---
            date: 2025-01-01
            key_points: nope
            ---
            A.
            """);
        var (code, _, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.Equal(1, code);
        var lines = error.Split('\n').Where(l => l.StartsWith("content/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "content/world/a.md:1:1: error NS0201: 'headline' is required",
                "content/world/a.md:3:13: error NS0204: 'key_points' must be a list (each line starting with '- '), not a single value",
                "content/world/z.md:3:7: error NS0203: 'date' is not a date: 'never' (use 2025-04-30, or 2025-04-30T18:45:00+05:30)",
            ],
            lines);
    }

    [Fact]
    public void Bom_and_crlf_line_endings_are_accepted_and_lines_still_count_right()
    {
        using var site = TestSite.Create("");
        var text = "---\r\nheadline: Crlf\r\ndate: 2025-01-01\r\n---\r\nBody.\r\n";
        site.WriteBytes("content/world/crlf.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        site.WriteBytes("content/world/bad.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("---\r\nheadline: H\r\ndate: soon\r\n---\r\n")]);
        var (code, _, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.Equal(1, code);
        Assert.Contains("content/world/bad.md:3:7: error NS0203: 'date' is not a date: 'soon' (use 2025-04-30, or 2025-04-30T18:45:00+05:30)", error.Split('\n'));
        Assert.DoesNotContain("crlf.md", error, StringComparison.Ordinal);

        File.Delete(Path.Combine(site.Source, "content/world/bad.md"));
        Assert.Equal(0, CliRunner.Run("build", "--source", site.Source, "--output", site.Output).ExitCode);
        Assert.True(File.Exists(Path.Combine(site.Output, "world/2025/01/01/crlf/index.html")));
    }

    [Fact]
    public void Template_syntax_error_names_the_template_file_and_line()
    {
        using var site = TestSite.Create(GoodArticle + """

            -- templates/article.html --
            <h1>{{ article.headline }}</h1>
            {{ if article.dek }}
            <p>unclosed if
            """);
        var (code, _, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.Equal(1, code);
        Assert.Matches(@"(?m)^templates/article\.html:\d+:\d+: error NS0401: ", error);
    }

    [Fact]
    public void Template_runtime_error_names_the_template_position_and_the_page()
    {
        using var site = TestSite.Create(GoodArticle + """

            -- templates/article.html --
            <h1>{{ article.headline }}</h1>
            {{ include 'partials/missing.html' }}
            """);
        var (code, _, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.Equal(1, code);
        Assert.Matches(@"(?m)^templates/article\.html:2:\d+: error NS0402: .*while rendering /world/2025/01/02/good/ from content/world/good\.md\)$", error);
    }

    [Fact]
    public void Configuration_errors_are_reported_with_line_and_column_and_exit_1()
    {
        using var site = TestSite.Create(GoodArticle + """

            -- site.yaml --
            title: Test
            base_url: not a url
            page_size: lots
            """);
        var (code, _, error) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.Equal(1, code);
        var lines = error.Split('\n');
        Assert.Contains("site.yaml:2:11: error NS0501: 'base_url' must be an absolute http or https URL such as https://example.org/, not 'not a url'", lines);
        Assert.Contains("site.yaml:3:12: error NS0202: 'page_size' must be a whole number from 1 to 500, not 'lots'", lines);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_2()
    {
        var (code, _, error) = CliRunner.Run("build", "--no-such-option");
        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_and_help_exit_0()
    {
        var version = CliRunner.Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out);

        var help = CliRunner.Run("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("build", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_line_counts_articles_and_pages()
    {
        using var site = TestSite.Create(GoodArticle);
        var (code, output, _) = CliRunner.Run("build", "--source", site.Source, "--output", site.Output);
        Assert.Equal(0, code);
        Assert.Matches(@"^built 1 articles, \d+ pages, \d+ feeds, \d+ files, 0 warning\(s\) in \d+\.\d\d s\n$", output);
    }

    private static SortedDictionary<string, string> Snapshot(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(folder, file)] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        }

        return files;
    }
}
