namespace NewsSite.Browser.Tests;

/// <summary>
/// A site written inline by a fixture, built with the repository's templates at a fixed moment and served on
/// loopback; the folder is deleted with it.
/// </summary>
public sealed class InlineSite : IDisposable
{
    private readonly string _root;

    public InlineSite(string name, IEnumerable<(string Path, string Text)> files)
    {
        _root = Path.Combine(Path.GetTempPath(), "newssite-browser-" + name, Guid.NewGuid().ToString("N"));
        var source = Path.Combine(_root, "source");
        foreach (var (path, text) in files)
        {
            Write(Path.Combine(source, path), text + "\n");
        }

        var templates = Path.Combine(SampleSiteFixture.RepositoryRoot, "templates");
        foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories))
        {
            Write(Path.Combine(source, "templates", Path.GetRelativePath(templates, file)), File.ReadAllText(file));
        }

        var output = Path.Combine(_root, "site");
        var result = SiteBuilder.Build(new BuildOptions
        {
            SourceRoot = source,
            OutputRoot = output,
            Clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)),
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"the {name} site did not build:\n" + string.Join('\n', result.Diagnostics));
        }

        Server = new StaticSiteServer(output);
    }

    public StaticSiteServer Server { get; }

    public void Dispose()
    {
        Server.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
