using System.Text.RegularExpressions;

namespace NewsSite.Tests;

/// <summary>The stage folders of <c>src/NewsSite.Core</c> depend on each other one way only.</summary>
public sealed partial class StageDependencyTests
{
    [Fact]
    public void No_two_stage_folders_use_each_other()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "NewsSite.Core");
        var stages = Directory.GetDirectories(core).Select(Path.GetFileName).Where(s => s is not ("bin" or "obj" or "Properties")).Cast<string>().ToList();
        var uses = stages.ToDictionary(s => s, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(core, stage), "*.cs", SearchOption.AllDirectories))
            {
                var code = LineComment().Replace(File.ReadAllText(file), "");
                foreach (var other in stages.Where(o => o != stage && Uses(code, o)))
                {
                    uses[stage].Add(other);
                }
            }
        }

        var cycles = stages.SelectMany(a => uses[a].Where(b => string.CompareOrdinal(a, b) < 0 && uses[b].Contains(a)).Select(b => $"{a} <-> {b}")).ToList();
        Assert.True(uses.Count > 10 && uses["FrontMatter"].Contains("Content"), "the scan found the stages and what they use");
        Assert.Empty(cycles);
    }

    /// <summary>A <c>using</c> of the stage's namespace, or a name qualified by it (<c>Markdown.UrlPolicy</c>).</summary>
    private static bool Uses(string code, string stage) =>
        code.Contains($"using NewsSite.{stage};", StringComparison.Ordinal)
        || Regex.IsMatch(UsingLine().Replace(code, ""), $@"(?<![\w.])(NewsSite\.)?{stage}\.[A-Z]");

    private static string RepositoryRoot()
    {
        for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "NewsSite.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException("the tests run outside the repository");
    }

    [GeneratedRegex(@"//.*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^using .*$", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
