using System.Text.Json;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests;

/// <summary>
/// File names and file contents reach diagnostics; whatever they hold, each diagnostic stays one line of plain
/// text, so a CI log cannot be given forged annotations and a terminal cannot be rewritten.
/// </summary>
public sealed class DiagnosticEscapingTests
{
    private const string ForgedName = "content/world/a\n::error file=site.yaml,line=1::forged\u001b[2J\u202Egnp.md";

    private const string ForgedDate = "---\nheadline: A\ndate: \"soon\\n::error::forged\\u202E\"\n---\nBody\n";

    [Fact]
    public void Text_output_has_one_line_per_diagnostic_and_no_control_characters()
    {
        using var site = TestSite.Create("-- content/world/b.md --\n" + ForgedDate);
        site.WriteFile(ForgedName, ForgedDate);

        var run = CliRunner.Run("check", "--source", site.Source);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(run.Error, ch => (ch < ' ' && ch != '\n') || ch is '\u202E' or '\u009B');
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("content/world/a\\n::error file=site.yaml,line=1::forged\\u001B[2J\\u202Egnp.md:3:7: error NS0203: 'date' is not a date: 'soon\\n::error::forged\\u202E' (use 2025-04-30, or 2025-04-30T18:45:00+05:30)", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("::", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_output_carries_escaped_paths_and_messages()
    {
        using var site = TestSite.Create("-- content/world/b.md --\n" + ForgedDate);
        site.WriteFile(ForgedName, ForgedDate);

        var run = CliRunner.Run("check", "--source", site.Source, "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var values = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .SelectMany(d => new[] { d.GetProperty("message").GetString()!, d.GetProperty("path").GetString()! })
            .ToList();
        Assert.Contains("content/world/a\\n::error file=site.yaml,line=1::forged\\u001B[2J\\u202Egnp.md", values);
        Assert.All(values, value => Assert.DoesNotContain(value, ch => ch < ' ' || ch is '\u202E' or '\u009B'));
    }
}
