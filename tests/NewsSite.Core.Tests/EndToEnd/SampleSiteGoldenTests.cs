using System.Security.Cryptography;
using System.Text;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>
/// Builds the repository's sample site at a fixed "now" and compares every output file's path and SHA-256 with
/// the committed list in <c>Golden/sample-site.tsv</c>, so that any change to the published bytes is seen and
/// reviewed in that file's diff.
/// </summary>
public sealed class SampleSiteGoldenTests : IDisposable
{
    /// <summary>Set to 1 to write the golden file from this build instead of comparing with it.</summary>
    public const string UpdateVariable = "NEWSSITE_UPDATE_GOLDEN";

    private const string GoldenFile = "tests/NewsSite.Core.Tests/Golden/sample-site.tsv";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_sample_site_builds_to_the_files_and_hashes_of_the_golden_list()
    {
        var output = Path.Combine(_root, "out");
        var result = SiteBuilder.Build(new BuildOptions
        {
            SourceRoot = RepositoryFiles.Root(),
            OutputRoot = output,
            Clock = new FixedClock(TestSite.DefaultNow),
            Incremental = false,
        });
        new BuiltSite(result, output).AssertSucceeded();
        var actual = Hashes(output);
        Assert.True(actual.Count > 100, $"the sample site built only {actual.Count} files");

        var golden = Path.Combine(RepositoryFiles.Root(), GoldenFile);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(golden, string.Concat(actual.Select(f => $"{f.Key}\t{f.Value}\n")));
            return;
        }

        Assert.True(File.Exists(golden), $"{GoldenFile} is missing: write it with `{UpdateCommand}`.");
        var expected = Parse(File.ReadAllLines(golden));
        var added = actual.Keys.Where(p => !expected.ContainsKey(p)).ToList();
        var removed = expected.Keys.Where(p => !actual.ContainsKey(p)).ToList();
        var changed = actual.Where(f => expected.TryGetValue(f.Key, out var hash) && hash != f.Value).Select(f => f.Key).ToList();
        Assert.True(added.Count + removed.Count + changed.Count == 0, Report(added, removed, changed));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private const string UpdateCommand =
        UpdateVariable + "=1 dotnet test tests/NewsSite.Core.Tests --filter FullyQualifiedName~SampleSiteGoldenTests";

    private const string HowToUpdate =
        "If the change is deliberate, regenerate the list with `" + UpdateCommand + "` and review the diff of "
        + GoldenFile + " before committing it.";

    /// <summary>Every output file, '/'-separated and in ordinal order, with the lower-case hex SHA-256 of its bytes.</summary>
    private static SortedDictionary<string, string> Hashes(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
            f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    private static Dictionary<string, string> Parse(IEnumerable<string> lines) => lines
        .Where(line => line.Length > 0)
        .Select(line => line.Split('\t'))
        .ToDictionary(parts => parts[0], parts => parts[^1], StringComparer.Ordinal);

    private static string Report(List<string> added, List<string> removed, List<string> changed)
    {
        var text = new StringBuilder("The sample site's output differs from ").Append(GoldenFile).Append(":\n");
        foreach (var (title, paths) in new[] { ("added", added), ("removed", removed), ("changed", changed) })
        {
            if (paths.Count > 0)
            {
                text.Append(title).Append(" (").Append(paths.Count).Append("):\n");
                foreach (var path in paths)
                {
                    text.Append("  ").Append(path).Append('\n');
                }
            }
        }

        return text.Append(HowToUpdate).ToString();
    }
}
