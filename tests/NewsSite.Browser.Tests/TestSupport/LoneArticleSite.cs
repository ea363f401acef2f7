namespace NewsSite.Browser.Tests;

/// <summary>
/// A site of one long article with the sample's theme: no topics (so no related stories), ads switched on with
/// no ad code, no site description. What the theme does when there is nothing to put beside the story.
/// </summary>
public sealed class LoneArticleSite : IDisposable
{
    public const string Article = "/world/2025/04/30/lone/";

    private static readonly IEnumerable<string> Paragraphs = Enumerable.Range(1, 8).Select(n =>
        $"Paragraph {n} tells the reader what happened next in the valley, who said what to whom at the meeting, and why the "
        + "decision taken there matters to the families who live along the river and farm the land beside it.");

    private readonly InlineSite _site = new("lone",
    [
        ("site.yaml", """
            title: The Lone Ledger
            base_url: https://lone.example/
            ads:
              enabled: true
              after_paragraph: 2
              html: ""
            """),
        ("content/world/lone.md", $"""
            ---
            headline: A story with nothing beside it
            date: 2025-04-30T10:00:00Z
            authors: [Desk]
            ---
            {string.Join("\n\n", Paragraphs)} The figures come from the district office.[^1]

            [^1]: District office, April figures.
            """),
    ]);

    public StaticSiteServer Server => _site.Server;

    public void Dispose() => _site.Dispose();
}
