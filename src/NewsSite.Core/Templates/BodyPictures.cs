using NewsSite.Pictures;
using System.Net;
using System.Text.RegularExpressions;
using NewsSite.Content;
using NewsSite.Markdown;
using NewsSite.Routing;

namespace NewsSite.Templates;

/// <summary>
/// Replaces the <c>&lt;img&gt;</c> a body's Markdown images render to with the picture's resized copies, when the
/// image is a picture under content/. Remote images, SVG and pictures too small to resize stay plain images.
/// </summary>
internal sealed partial class BodyPictures(PictureCatalog pictures, SiteUrls urls)
{
    public RenderedBody Rewrite(RenderedBody body, string sourcePath) =>
        body.Head.Contains("<img", StringComparison.Ordinal) || body.Tail.Contains("<img", StringComparison.Ordinal)
            ? body with { Head = Rewrite(body.Head, sourcePath), Tail = Rewrite(body.Tail, sourcePath) }
            : body;

    private string Rewrite(string html, string sourcePath) => ImageTag().Replace(html, match =>
    {
        var src = WebUtility.HtmlDecode(match.Groups["src"].Value);
        if (Route(src, sourcePath) is not { } route || pictures.Find(route) is not { } picture)
        {
            return match.Value;
        }

        var title = match.Groups["title"].Success ? WebUtility.HtmlDecode(match.Groups["title"].Value) : null;
        return PictureViews.BodyPicture(picture, WebUtility.HtmlDecode(match.Groups["alt"].Value), title, urls);
    });

    /// <summary>The site path an image's URL names: <c>/media/x.jpg</c> as written, or relative to the article's folder.</summary>
    private static string? Route(string src, string sourcePath)
    {
        if (src.Length == 0 || src.Contains(':', StringComparison.Ordinal) || src.StartsWith("//", StringComparison.Ordinal) || src.Contains('?') || src.Contains('#'))
        {
            return null;
        }

        var folder = sourcePath[ContentSource.FolderName.Length..sourcePath.LastIndexOf('/')] + "/";
        try
        {
            return Uri.UnescapeDataString(new Uri(new Uri("http://site" + folder), src).AbsolutePath);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    // What Markdig writes for an image: src, alt and an optional title, in this order, and nothing else.
    [GeneratedRegex("""<img src="(?<src>[^"]*)" alt="(?<alt>[^"]*)"(?: title="(?<title>[^"]*)")? ?/?>""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ImageTag();
}
