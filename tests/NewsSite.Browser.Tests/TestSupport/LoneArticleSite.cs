namespace NewsSite.Browser.Tests;

/// <summary>
/// A site of one long article with the sample's theme: no topics (so no related stories), ads switched on with
/// no ad code, no site description. What the theme does when there is nothing to put beside the story.
/// </summary>
public sealed class LoneArticleSite : IDisposable
{
    public const string Article = "/world/2025/04/30/lone/";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "newssite-browser-lone", Guid.NewGuid().ToString("N"));

    public LoneArticleSite()
    {
        var source = Path.Combine(_root, "source");
        Directory.CreateDirectory(Path.Combine(source, "content", "world"));
        File.WriteAllText(Path.Combine(source, "site.yaml"), """
            title: The Lone Ledger
            base_url: https://lone.example/
            ads:
              enabled: true
              after_paragraph: 2
              html: ""
            """);
        var paragraphs = Enumerable.Range(1, 8).Select(n =>
            $"Paragraph {n} tells the reader what happened next in the valley, who said what to whom at the meeting, and why the "
            + "decision taken there matters to the families who live along the river and farm the land beside it.");
        File.WriteAllText(Path.Combine(source, "content", "world", "lone.md"), $"""
            ---
            headline: A story with nothing beside it
            date: 2025-04-30T10:00:00Z
            authors: [Desk]
            ---
            {string.Join("\n\n", paragraphs)} The figures come from the district office.[^1]

            [^1]: District office, April figures.
            """);
        CopyFolder(Path.Combine(SampleSiteFixture.RepositoryRoot, "templates"), Path.Combine(source, "templates"));

        var output = Path.Combine(_root, "site");
        var result = SiteBuilder.Build(new BuildOptions
        {
            SourceRoot = source,
            OutputRoot = output,
            Clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)),
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the lone article site did not build:\n" + string.Join('\n', result.Diagnostics));
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

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
