namespace NewsSite.Browser.Tests;

/// <summary>
/// The repository's sample site built twice, with advertisements switched on and off, each served on loopback.
/// The copies take the sample's own site.yaml with its <c>ads</c> block replaced, so they follow its content.
/// </summary>
public sealed class AdSites : IDisposable
{
    /// <summary>What the newsroom's ad tag puts in every slot; the tests fill it as an ad script would.</summary>
    public const string AdTag = "<div class=\"vendor-ad\"></div>";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "newssite-browser-ads", Guid.NewGuid().ToString("N"));

    public AdSites()
    {
        On = BuildAndServe("on", $"""
            ads:
              enabled: true
              after_paragraph: 3
              sidebar: true
              home: true
              label: Advertisement
              html: '{AdTag}'
            """);
        Off = BuildAndServe("off", $"""
            ads:
              enabled: false
              html: '{AdTag}'
            """);
    }

    public StaticSiteServer On { get; }

    public StaticSiteServer Off { get; }

    public void Dispose()
    {
        On.Dispose();
        Off.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The sample's site.yaml without its <c>ads</c> block (from <c>ads:</c> to the next top-level key).</summary>
    public static string WithoutAds(string siteYaml)
    {
        var kept = new List<string>();
        var inAds = false;
        foreach (var line in siteYaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var topLevel = line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#');
            if (topLevel)
            {
                inAds = line.StartsWith("ads:", StringComparison.Ordinal);
            }

            if (!inAds)
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept).TrimEnd() + "\n";
    }

    private StaticSiteServer BuildAndServe(string name, string adsBlock)
    {
        var repository = SampleSiteFixture.RepositoryRoot;
        var source = Path.Combine(_root, name, "source");
        CopyFolder(Path.Combine(repository, "content"), Path.Combine(source, "content"));
        CopyFolder(Path.Combine(repository, "templates"), Path.Combine(source, "templates"));
        File.WriteAllText(Path.Combine(source, "site.yaml"), WithoutAds(File.ReadAllText(Path.Combine(repository, "site.yaml"))) + adsBlock + "\n");

        var output = Path.Combine(_root, name, "site");
        var result = SiteBuilder.Build(new BuildOptions
        {
            SourceRoot = source,
            OutputRoot = output,
            Clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)),
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"the sample site with ads {name} did not build:\n" + string.Join('\n', result.Diagnostics));
        }

        return new StaticSiteServer(output);
    }

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
