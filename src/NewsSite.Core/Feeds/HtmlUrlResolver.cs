using System.Net;
using System.Text.RegularExpressions;
using NewsSite.Templates;

namespace NewsSite.Feeds;

/// <summary>
/// Makes the links and image sources of a rendered body absolute: a feed reader shows the body away from the
/// site, where <c>/media/x.jpg</c> or <c>chart.png</c> would point nowhere.
/// </summary>
internal static partial class HtmlUrlResolver
{
    public static string Absolutize(string html, Uri page) =>
        UrlAttribute().Replace(html, match =>
        {
            var value = WebUtility.HtmlDecode(match.Groups["url"].Value);
            if (HasScheme().IsMatch(value) || !Uri.TryCreate(page, value, out var absolute))
            {
                return match.Value;
            }

            return $"{match.Groups["name"].Value}=\"{HtmlText.Escape(absolute.AbsoluteUri)}\"";
        });

    [GeneratedRegex(@"(?<name>\s(?:href|src))=""(?<url>[^""]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex HasScheme();
}
