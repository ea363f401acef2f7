using NewsSite.Model;

namespace NewsSite.Tests.Model;

public sealed class PagerTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(40, 2)]
    [InlineData(41, 3)]
    public void Page_count_at_boundaries(int items, int pages)
    {
        var result = Pager.Paginate(Enumerable.Range(0, items).ToList(), 20, "/world/");
        Assert.Equal(pages, result.Count);
        Assert.Equal(items, result.Sum(p => p.Items.Count));
        Assert.All(result, p => Assert.Equal(pages, p.TotalPages));
    }

    [Fact]
    public void Routes_of_pages()
    {
        var pages = Pager.Paginate(Enumerable.Range(0, 5).ToList(), 2, "/world/");
        Assert.Equal(["/world/", "/world/page/2/", "/world/page/3/"], pages.Select(p => p.Route));
        Assert.Null(pages[0].PreviousRoute);
        Assert.Equal("/world/", pages[1].PreviousRoute);
        Assert.Equal("/world/page/3/", pages[1].NextRoute);
        Assert.Null(pages[2].NextRoute);
    }
}
