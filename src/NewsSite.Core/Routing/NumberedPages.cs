namespace NewsSite.Routing;

/// <summary>Page n of a list lives at <c>route/page/n/</c>; this finds the list's own route again.</summary>
/// <remarks>
/// Read from the end of the route rather than with a regular expression, because every list page asks.
/// </remarks>
internal static class NumberedPages
{
    private const string Page = "/page/";

    /// <summary><c>/world/page/3/</c> -> <c>/world/</c>, <c>/page/2/</c> -> <c>/</c>; any other route unchanged.</summary>
    public static string ListRoute(string route)
    {
        if (!route.StartsWith('/') || !route.EndsWith('/'))
        {
            return route;
        }

        var number = route.Length - 1;
        while (number > 0 && char.IsAsciiDigit(route[number - 1]))
        {
            number--;
        }

        var page = number - Page.Length;
        return number < route.Length - 1 && page >= 0 && route.AsSpan(page, Page.Length).SequenceEqual(Page)
            ? route[..(page + 1)]
            : route;
    }
}
