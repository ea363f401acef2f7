using NewsSite.Routing;
using NewsSite.Templates;

namespace NewsSite.Search;

/// <summary>Where the search page lives and what its head adds: the search stylesheet and script, nothing else.</summary>
internal static class SearchPage
{
    public const string Route = "/search/";
    public const string Script = "/assets/search.js";
    public const string Stylesheet = "/assets/search.css";

    public static string Head(SiteUrls urls, Assets.ThemeAssets assets) =>
        $"<link rel=\"stylesheet\" href=\"{HtmlText.Escape(urls.Link(assets.Route(Stylesheet[1..])))}\">\n<script src=\"{HtmlText.Escape(urls.Link(assets.Route(Script[1..])))}\" defer></script>\n";
}
