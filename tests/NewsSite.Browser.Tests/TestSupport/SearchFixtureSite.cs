namespace NewsSite.Browser.Tests;

/// <summary>
/// A small site written inline, built with the repository's templates and served on loopback: articles made to
/// tell phrase from scattered words, a misspelling from its word, a headline match from a body match, and old
/// from new.
/// </summary>
public sealed class SearchFixtureSite : IDisposable
{
    public const string Headline = "/world/2024/01/05/fragile-ceasefire/";
    public const string Scattered = "/world/2025/06/01/border-report/";
    public const string Phrase = "/world/2025/03/01/ceasefire-phrase/";
    public const string Inflation = "/business/2025/02/01/prices/";
    public const string Newest = "/business/2025/06/20/inflation-latest/";

    private static readonly (string Path, string Text)[] Files =
    [
        ("site.yaml", """
            title: Fixture Times
            base_url: https://fixture.example/
            sections: [World, Business]
            """),
        ("content/world/fragile-ceasefire.md", """
            ---
            headline: Fragile Ceasefire Holds in the North
            date: 2024-01-05T10:00:00Z
            ---
            Both armies pulled back from the river. Aid convoys crossed at dawn.
            """),
        ("content/world/border-report.md", """
            ---
            headline: Border Towns Count the Cost of the Winter
            date: 2025-06-01T10:00:00Z
            ---
            The talks were fragile, residents said, and the fragile truce is fragile still. A ceasefire was
            discussed, then a second ceasefire, and a third ceasefire was promised for the spring.
            """),
        ("content/world/ceasefire-phrase.md", """
            ---
            headline: Envoys Return to the Capital
            date: 2025-03-01T10:00:00Z
            ---
            Diplomats said the agreement remained a fragile ceasefire at best, and left for home. The
            ceasefire holds, the envoys said.
            """),
        ("content/business/prices.md", """
            ---
            headline: Inflation Eases as Food Prices Fall
            date: 2025-02-01T10:00:00Z
            ---
            Data from the statistics office showed inflation slowing for a third month.
            """),
        ("content/business/inflation-latest.md", """
            ---
            headline: Central Bank Watches Inflation
            date: 2025-06-20T10:00:00Z
            ---
            Rates were held. The bank said inflation remained above target.
            """),
    ];

    private readonly InlineSite _site = new("search", Files);

    public StaticSiteServer Server => _site.Server;

    public void Dispose() => _site.Dispose();
}
