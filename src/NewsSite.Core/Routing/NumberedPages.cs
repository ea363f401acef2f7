using System.Text.RegularExpressions;

namespace NewsSite.Routing;

/// <summary>Page n of a list lives at <c>route/page/n/</c>; this finds the list's own route again.</summary>
internal static partial class NumberedPages
{
    /// <summary><c>/world/page/3/</c> -> <c>/world/</c>, <c>/page/2/</c> -> <c>/</c>; any other route unchanged.</summary>
    public static string ListRoute(string route)
    {
        var match = Pattern().Match(route);
        return match.Success ? match.Groups["list"].Value : route;
    }

    [GeneratedRegex("^(?<list>/(?:.*/)?)page/[0-9]+/$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
