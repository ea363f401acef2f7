namespace NewsSite.Model;

/// <summary>Cuts a list into pages: page 1 at the list's route, page n at <c>route/page/n/</c>.</summary>
public sealed record Pager<T>(IReadOnlyList<T> Items, int PageNumber, int TotalPages, string BaseRoute)
{
    public string Route => RouteOf(PageNumber);

    public string? PreviousRoute => PageNumber > 1 ? RouteOf(PageNumber - 1) : null;

    public string? NextRoute => PageNumber < TotalPages ? RouteOf(PageNumber + 1) : null;

    public string RouteOf(int page) => page == 1 ? BaseRoute : $"{BaseRoute}page/{page}/";
}

public static class Pager
{
    /// <summary>Always at least one page, so an empty section still has its page.</summary>
    public static IReadOnlyList<Pager<T>> Paginate<T>(IReadOnlyList<T> all, int pageSize, string baseRoute)
    {
        var total = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        var pages = new List<Pager<T>>(total);
        for (var page = 1; page <= total; page++)
        {
            var items = all.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            pages.Add(new Pager<T>(items, page, total, baseRoute));
        }

        return pages;
    }

}
