using NewsSite.Routing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsSite.Diagnostics;

namespace NewsSite.Markdown;

/// <summary>
/// Takes Markdown links, images and autolinks whose URL could run script (<c>javascript:</c>, <c>vbscript:</c>,
/// <c>data:</c> except on images, any scheme outside <see cref="UrlPolicy"/>) out of the tree, keeping their
/// text, and reports each at its line and column.
/// </summary>
internal static class UnsafeLinks
{
    public static void Neutralise(MarkdownDocument document, BodyOrigin origin, List<Diagnostic> diagnostics)
    {
        // Collected first, because the loop below edits the tree.
        var candidates = document.Descendants<Inline>().Where(i => i is LinkInline or AutolinkInline).ToList();
        foreach (var inline in candidates)
        {
            switch (inline)
            {
                case LinkInline link when link.Url is { } url && UrlPolicy.Blocked(url, link.IsImage) is { } scheme:
                    diagnostics.Add(Report(origin.At(link), link.IsImage ? "image" : "link", scheme, link.IsImage ? "its description" : "its text"));
                    Unwrap(link);
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && UrlPolicy.Blocked(autolink.Url, isImage: false) is { } scheme:
                    diagnostics.Add(Report(origin.At(autolink), "link", scheme, "the address as plain text"));
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
            }
        }
    }

    private static Diagnostic Report(SourceLocation at, string what, string scheme, string kept) => Diagnostic.Warning(
        DiagnosticCodes.UnsafeUrl,
        $"{what} with a '{scheme}:' URL was removed and {kept} kept; bodies may use http, https, mailto and tel URLs and relative ones",
        at);

    /// <summary>Puts the link's children where the link was.</summary>
    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        foreach (var child in children)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }
}
