using NewsSite.FrontMatter;
using NewsSite.Content;

namespace NewsSite.Tests.FrontMatter;

public sealed class BodyStoreTests
{
    private static readonly SourceFile File = new("content/world/a.md", "/site/content/world/a.md");

    [Fact]
    public void A_body_within_the_budget_is_held_until_the_release_and_read_from_its_file_after()
    {
        var store = new BodyStore(budgetBytes: 1024, (_, _) => "from the file");
        var body = store.Keep("held", File, default);

        Assert.Equal("held", body());
        store.Release();
        Assert.Equal("from the file", body());
    }

    [Fact]
    public void Bodies_over_the_budget_or_offered_after_the_release_are_never_held()
    {
        var store = new BodyStore(budgetBytes: 4, (_, _) => "from the file");
        Assert.Equal("from the file", store.Keep("too long", File, default)());
        Assert.Equal("fits", store.Keep("fits", File, default)());

        store.Release();
        Assert.Equal("from the file", store.Keep("tiny", File, default)());
    }
}
