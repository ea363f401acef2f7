using System.Text.Json;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

public sealed class CheckCommandTests
{
    private const string Good = """
        -- content/world/a.md --
        ---
        headline: A
        date: 2025-01-02
        ---
        See the [section](/world/).
        """;

    private const string BrokenLink = """
        -- content/world/a.md --
        ---
        headline: A
        date: 2025-01-02
        ---
        See [the missing page](/world/missing/).
        """;

    [Fact]
    public void A_good_site_passes_with_exit_0_and_leaves_no_output_folder()
    {
        using var site = TestSite.Create(Good);
        var before = Entries(site.Root);

        var run = CliRunner.Run("check", "--source", site.Source);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("check passed: 1 articles, ", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, Entries(site.Root));
    }

    [Fact]
    public void A_content_error_fails_with_exit_1_and_its_location()
    {
        using var site = TestSite.Create("""
            -- content/world/a.md --
            ---
            headline: A
            date: yesterday
            ---
            Body
            """);

        var run = CliRunner.Run("check", "--source", site.Source);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("content/world/a.md:3:7: error NS0203: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("check failed: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_internal_link_fails_the_check()
    {
        using var site = TestSite.Create(BrokenLink);

        var run = CliRunner.Run("check", "--source", site.Source);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("world/2025/01/02/a/index.html:", run.Error, StringComparison.Ordinal);
        Assert.Contains("error NS0602: broken link '/world/missing/'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_lists_every_diagnostic_with_its_place()
    {
        using var site = TestSite.Create(BrokenLink);

        var run = CliRunner.Run("check", "--source", site.Source, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetInt32());
        var diagnostic = Assert.Single(root.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("NS0602", diagnostic.GetProperty("code").GetString());
        Assert.Equal("world/2025/01/02/a/index.html", diagnostic.GetProperty("path").GetString());
        Assert.True(diagnostic.GetProperty("line").GetInt32() > 1);
        Assert.True(diagnostic.GetProperty("column").GetInt32() >= 1);
        Assert.StartsWith("broken link '/world/missing/'", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_of_a_good_site_has_no_diagnostics_and_exit_0()
    {
        using var site = TestSite.Create(Good);

        var run = CliRunner.Run("check", "--source", site.Source, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void A_problem_without_a_place_has_null_path_line_and_column_in_json()
    {
        using var site = TestSite.Create(Good);
        File.Delete(Path.Combine(site.Source, "site.yaml"));

        var run = CliRunner.Run("check", "--source", site.Source, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal("NS0503", diagnostic.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, diagnostic.GetProperty("path").ValueKind);
        Assert.Equal(JsonValueKind.Null, diagnostic.GetProperty("line").ValueKind);
        Assert.Equal(JsonValueKind.Null, diagnostic.GetProperty("column").ValueKind);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        using var site = TestSite.Create(Good);

        var run = CliRunner.Run("check", "--source", site.Source, "--format", "xml");

        Assert.Equal(2, run.ExitCode);
    }

    private static List<string> Entries(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
