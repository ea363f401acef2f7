using NewsSite.Pictures;
using NewsSite.FrontMatter;
using System.Globalization;
using System.Net;
using System.Text;
using NewsSite.Model;
using NewsSite.Routing;

namespace NewsSite.Templates;

/// <summary>How the templates and bodies see a picture: <c>srcset</c> lists and the <c>src</c> copy.</summary>
internal static class PictureViews
{
    /// <summary>The copy for <c>src</c>, for browsers that read no <c>srcset</c>: sharp on a phone, light on a laptop.</summary>
    public const int FallbackWidth = 800;

    /// <summary>The width a body picture takes: the article column, or the screen less its margins.</summary>
    public const string BodySizes = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";

    public static ImageView Image(Picture picture, ArticleImage image, SiteUrls urls)
    {
        if (picture.FallbackFor(FallbackWidth) is not { } src)
        {
            return new ImageView(urls.Link(picture.Route), image.Alt, image.Caption, image.Credit, picture.Width, picture.Height);
        }

        return new ImageView(urls.Link(src.Route), image.Alt, image.Caption, image.Credit, src.Width, src.Height, Srcset(picture.Fallback, urls), Srcset(picture.WebP, urls));
    }

    public static string Srcset(IEnumerable<PictureFile> files, SiteUrls urls) =>
        string.Join(", ", files.Select(f => string.Create(CultureInfo.InvariantCulture, $"{urls.Link(f.Route)} {f.Width}w")));

    /// <summary>
    /// A body picture's markup: <c>&lt;picture&gt;</c> with the WebP copies and the source format's as fallback,
    /// loaded lazily (a body picture is below the lead and the first paragraphs).
    /// </summary>
    public static string BodyPicture(Picture picture, string alt, string? title, SiteUrls urls)
    {
        var html = new StringBuilder(512);
        var titleAttribute = title is null ? "" : $" title=\"{WebUtility.HtmlEncode(title)}\"";
        if (picture.FallbackFor(FallbackWidth) is not { } src)
        {
            html.Append(CultureInfo.InvariantCulture, $"<img src=\"{WebUtility.HtmlEncode(urls.Link(picture.Route))}\" alt=\"{WebUtility.HtmlEncode(alt)}\"{titleAttribute} width=\"{picture.Width}\" height=\"{picture.Height}\" loading=\"lazy\" decoding=\"async\">");
            return html.ToString();
        }

        html.Append(CultureInfo.InvariantCulture, $"<picture><source type=\"image/webp\" srcset=\"{WebUtility.HtmlEncode(Srcset(picture.WebP, urls))}\" sizes=\"{BodySizes}\">");
        html.Append(CultureInfo.InvariantCulture, $"<img src=\"{WebUtility.HtmlEncode(urls.Link(src.Route))}\" srcset=\"{WebUtility.HtmlEncode(Srcset(picture.Fallback, urls))}\" sizes=\"{BodySizes}\" alt=\"{WebUtility.HtmlEncode(alt)}\"{titleAttribute} width=\"{src.Width}\" height=\"{src.Height}\" loading=\"lazy\" decoding=\"async\"></picture>");
        return html.ToString();
    }
}
