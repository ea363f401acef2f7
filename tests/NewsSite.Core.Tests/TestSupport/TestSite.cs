using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsSite.Diagnostics;

namespace NewsSite.Tests.TestSupport;

/// <summary>
/// Builds a site written inline in Hugo's txtar style: <c>-- path --</c> lines start files; a picture file whose
/// text is <c>[picture 320x180]</c> is a real picture of that size. The folder is temporary and removed when the
/// result is disposed.
/// </summary>
public sealed class TestSite : IDisposable
{
    public const string DefaultConfig = """
        title: Test Times
        base_url: https://news.example/
        language: en
        """;

    private TestSite(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string Source => Path.Combine(Root, "site");

    public string Output => Path.Combine(Root, "out");

    public static DateTimeOffset DefaultNow { get; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the files; a fixture without site.yaml gets <see cref="DefaultConfig"/>.</summary>
    public static TestSite Create(string fixture)
    {
        var root = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"));
        var site = new TestSite(root);
        Directory.CreateDirectory(site.Source);
        var files = Parse(fixture);
        if (!files.ContainsKey("site.yaml"))
        {
            files["site.yaml"] = DefaultConfig + "\n";
        }

        foreach (var (path, text) in files)
        {
            if (Pictures.TestPictures.FromFixture(path, text) is { } picture)
            {
                site.WriteBytes(path, picture);
            }
            else
            {
                site.WriteFile(path, text);
            }
        }

        return site;
    }

    /// <summary>Creates the fixture and builds it once.</summary>
    public static (TestSite Site, BuiltSite Result) Build(string fixture, Func<BuildOptions, BuildOptions>? configure = null)
    {
        var site = Create(fixture);
        return (site, site.Build(configure));
    }

    public BuiltSite Build(Func<BuildOptions, BuildOptions>? configure = null)
    {
        var options = new BuildOptions
        {
            SourceRoot = Source,
            OutputRoot = Output,
            Clock = new FixedClock(DefaultNow),
        };
        var chosen = configure is null ? options : configure(options);
        return new BuiltSite(SiteBuilder.Build(chosen), chosen.OutputRoot);
    }

    public void WriteFile(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relativePath, byte[] bytes)
    {
        var full = Path.Combine(Source, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>
    /// Dates every source file an hour back, as if the last edit were long past: only then does a build trust file
    /// times to mean "unchanged" (a file written in the last seconds may change again within the same clock tick).
    /// </summary>
    public void Settle()
    {
        var past = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, past);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>Splits the fixture; each file's text is dedented as raw string literals are.</summary>
    public static Dictionary<string, string> Parse(string fixture)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var text = new StringBuilder();
        foreach (var line in fixture.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("-- ", StringComparison.Ordinal) && trimmed.EndsWith(" --", StringComparison.Ordinal) && trimmed.Length > 6)
            {
                if (current is not null)
                {
                    files[current] = text.ToString();
                }

                current = trimmed[3..^3].Trim();
                text.Clear();
                continue;
            }

            if (current is not null)
            {
                text.Append(line).Append('\n');
            }
        }

        if (current is not null)
        {
            files[current] = text.ToString();
        }

        return files;
    }
}

/// <summary>The outcome of a test build, with its output parsed on demand.</summary>
public sealed class BuiltSite(BuildResult result, string output)
{
    private static readonly HtmlParser Parser = new();

    public BuildResult Result { get; } = result;

    public string Output { get; } = output;

    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    public IEnumerable<string> Messages => Diagnostics.Select(d => d.ToString());

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Output, relativePath));

    public string Text(string relativePath)
    {
        var full = Path.Combine(Output, relativePath);
        Assert.True(File.Exists(full), $"expected output file {relativePath}; the build said:\n{string.Join('\n', Messages)}");
        return File.ReadAllText(full);
    }

    public IDocument Html(string relativePath) => Parser.ParseDocument(Text(relativePath));

    /// <summary>Every file of the output, relative and '/' separated, in ordinal order.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(Output)
            ? [.. Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    public void AssertSucceeded() =>
        Assert.True(Result.Succeeded, "build failed:\n" + string.Join('\n', Messages));

    public void AssertDiagnostic(string expected) =>
        Assert.True(Messages.Contains(expected), $"expected diagnostic\n  {expected}\nbut got\n  {string.Join("\n  ", Messages)}");
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
