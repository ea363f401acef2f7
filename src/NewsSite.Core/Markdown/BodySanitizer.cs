using NewsSite.Routing;
using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using NewsSite.Diagnostics;

namespace NewsSite.Markdown;

/// <summary>
/// Cleans a rendered body that holds raw HTML (<c>markdown.raw_html: sanitize</c>) with HtmlSanitizer: ordinary
/// markup stays; scripts, event handlers, forms, styles outside an allowlist, URLs outside
/// <see cref="UrlPolicy"/> and iframes from hosts outside <c>markdown.embed_hosts</c> go, each reported at the
/// line of the file where it was written. Configured once and shared by all threads: what one call finds is
/// kept with the document that call parsed.
/// </summary>
internal sealed class BodySanitizer
{
    /// <summary>Deeper raw HTML is refused before parsing (see <see cref="HtmlNesting"/>).</summary>
    public const int MaxNesting = 256;

    /// <summary>Form controls could collect a reader's passwords for someone else; nothing in a story needs them.</summary>
    private static readonly string[] RemovedTags =
        ["form", "input", "button", "textarea", "select", "option", "optgroup", "keygen", "datalist", "output", "menu", "menuitem"];

    private static readonly string[] RemovedAttributes = ["action", "method", "enctype", "accept-charset", "formaction"];

    /// <summary>Our own markup (heading ids, footnotes, the dateline) and what embeds need.</summary>
    private static readonly string[] AddedAttributes = ["id", "class", "allow", "allowfullscreen", "frameborder", "loading", "referrerpolicy"];

    /// <summary>
    /// Positions that take an element out of the article and pin it over the page: a full-page overlay, or a fake
    /// login box, from an article body. <c>z-index</c> goes whatever its value.
    /// </summary>
    private static readonly string[] OverlayPositions = ["fixed", "sticky", "-webkit-sticky"];

    private readonly HtmlSanitizer _sanitizer;
    private readonly HashSet<string> _embedHosts;
    private readonly ConditionalWeakTable<IDocument, Findings> _findings = new();

    public BodySanitizer(IEnumerable<string> embedHosts)
    {
        _embedHosts = new HashSet<string>(embedHosts, StringComparer.OrdinalIgnoreCase);
        _sanitizer = new HtmlSanitizer();
        foreach (var tag in RemovedTags)
        {
            _sanitizer.AllowedTags.Remove(tag);
        }

        _sanitizer.AllowedTags.Add("iframe");
        foreach (var attribute in RemovedAttributes)
        {
            _sanitizer.AllowedAttributes.Remove(attribute);
        }

        foreach (var attribute in AddedAttributes)
        {
            _sanitizer.AllowedAttributes.Add(attribute);
        }

        _sanitizer.AllowedCssProperties.Remove("z-index");
        _sanitizer.PostProcessNode += (_, e) => RemoveOverlayPosition(e.Node);
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in UrlPolicy.AllowedSchemes)
        {
            _sanitizer.AllowedSchemes.Add(scheme);
        }

        // Comments are never serialized (HtmlFragmentWriter); keeping them in the tree keeps the cut marker.
        _sanitizer.RemovingComment += (_, e) => e.Cancel = true;
        _sanitizer.FilterUrl += (_, e) =>
            e.SanitizedUrl = UrlPolicy.Blocked(e.OriginalUrl, isImage: e.Tag.LocalName == "img") is null ? e.SanitizedUrl ?? e.OriginalUrl : null;
        _sanitizer.RemovingTag += (_, e) =>
            Report(e.Tag, DiagnosticCodes.RawHtmlRemoved, $"<{e.Tag.LocalName}> is not allowed in an article body and was removed with its content");
        _sanitizer.RemovingAttribute += (_, e) => Report(e.Tag, e.Reason == RemoveReason.NotAllowedUrlValue ? DiagnosticCodes.UnsafeUrl : DiagnosticCodes.RawHtmlRemoved, AttributeMessage(e));
        _sanitizer.RemovingStyle += (_, e) =>
            Report(e.Tag, DiagnosticCodes.RawHtmlRemoved, $"style '{e.Style.Name}' of <{e.Tag.LocalName}> is not allowed and was removed");
    }

    /// <param name="html">The rendered body, with the markers of <paramref name="markers"/>.</param>
    public SanitizedBody Sanitize(string html, RawHtmlMarkers markers, BodyOrigin origin, RenderDeadline deadline)
    {
        if (HtmlNesting.Estimate(html) > MaxNesting)
        {
            return SanitizedBody.Refused(Diagnostic.Error(
                DiagnosticCodes.BodyTooComplex,
                $"the body's HTML nests more than {MaxNesting} elements deep; close the tags it opens",
                origin.Start));
        }

        // The sanitizer's own parser factory: its documents can read style attributes as CSS.
        var document = _sanitizer.HtmlParserFactory().ParseDocument("<!DOCTYPE html><html><head></head><body>" + html);
        var body = document.Body!;
        var findings = new Findings(origin);
        var (cut, frames) = Locate(body, markers, findings, deadline);
        RemoveForeignFrames(frames, findings);

        _findings.AddOrUpdate(document, findings);
        try
        {
            _sanitizer.SanitizeDom(document, body);
        }
        finally
        {
            _findings.Remove(document);
        }

        var head = new StringBuilder(html.Length);
        var tail = new StringBuilder();
        var output = head;
        var children = body.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (ReferenceEquals(children[i], cut))
            {
                output = tail;
            }

            HtmlFragmentWriter.Write(children[i], output, deadline);
        }

        return new SanitizedBody(head.ToString(), tail.ToString(), findings.Diagnostics);
    }

    /// <summary>Walks the tree in document order: which raw HTML each element came from, the cut, the iframes.</summary>
    private static (INode? Cut, List<IElement> Frames) Locate(IElement body, RawHtmlMarkers markers, Findings findings, RenderDeadline deadline)
    {
        INode? cut = null;
        var frames = new List<IElement>();
        SourceLocation? current = null;
        var pending = new Stack<INode>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case IComment comment:
                    switch (markers.Read(comment.Data, out var location))
                    {
                        case MarkerKind.Start:
                            current = location;
                            break;
                        case MarkerKind.End:
                            current = null;
                            break;
                        case MarkerKind.Cut when comment.Parent == body:
                            cut = comment;
                            break;
                    }

                    continue;
                case IElement element when element != body:
                    if (current is { } from)
                    {
                        findings.Locations[element] = from;
                    }

                    if (element.LocalName == "iframe")
                    {
                        frames.Add(element);
                    }

                    break;
            }

            deadline.Check();
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }

        return (cut, frames);
    }

    private void RemoveForeignFrames(List<IElement> frames, Findings findings)
    {
        foreach (var frame in frames)
        {
            var src = frame.GetAttribute("src") ?? "";
            var address = src.StartsWith("//", StringComparison.Ordinal) ? "https:" + src : src;
            if (Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && _embedHosts.Contains(uri.IdnHost))
            {
                continue;
            }

            var message = uri is { Scheme: "https" or "http" }
                ? $"<iframe> from '{uri.Host}' was removed; to allow it, add '{uri.Host}' to markdown.embed_hosts in site.yaml (https only)"
                : "<iframe> without an https address was removed; an embed needs src=\"https://...\" from a host in markdown.embed_hosts";
            findings.Report(frame, DiagnosticCodes.EmbedNotAllowed, message);
            frame.Remove();
        }
    }

    private void RemoveOverlayPosition(INode node)
    {
        if (node is not IElement element || !element.HasAttribute("style"))
        {
            return;
        }

        var style = element.GetStyle();
        var position = style.GetPropertyValue("position").Trim();
        if (!OverlayPositions.Contains(position, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        style.RemoveProperty("position");
        if (style.Length == 0)
        {
            element.RemoveAttribute("style");
        }
        else
        {
            element.SetAttribute("style", style.CssText);
        }

        Report(element, DiagnosticCodes.RawHtmlRemoved, $"style 'position: {position.ToLowerInvariant()}' of <{element.LocalName}> is not allowed and was removed: a body cannot pin itself over the page");
    }

    private void Report(IElement element, string code, string message)
    {
        if (element.Owner is { } owner && _findings.TryGetValue(owner, out var findings))
        {
            findings.Report(element, code, message);
        }
    }

    private static string AttributeMessage(RemovingAttributeEventArgs e)
    {
        var tag = e.Tag.LocalName;
        var name = e.Attribute.Name;
        if (e.Reason == RemoveReason.NotAllowedUrlValue)
        {
            var scheme = UrlPolicy.SchemeOf(e.Attribute.Value);
            var what = scheme is null ? "a URL that cannot be read" : $"a '{scheme}:' URL";
            return $"{name} of <{tag}> held {what} and was removed; bodies may use http, https, mailto and tel URLs and relative ones";
        }

        return name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
            ? $"event handler '{name}' of <{tag}> was removed: article bodies cannot run script"
            : $"attribute '{name}' of <{tag}> is not allowed and was removed";
    }

    /// <summary>What one call found, and where each element was written.</summary>
    private sealed class Findings(BodyOrigin origin)
    {
        public Dictionary<INode, SourceLocation> Locations { get; } = new(ReferenceEqualityComparer.Instance);

        public List<Diagnostic> Diagnostics { get; } = [];

        public void Report(IElement element, string code, string message) =>
            Diagnostics.Add(Diagnostic.Warning(code, message, Locations.TryGetValue(element, out var at) ? at : origin.Start));
    }
}

/// <summary>A sanitized body, cut where the in-body advertisement goes, or the error that refused it.</summary>
internal sealed record SanitizedBody(string Head, string Tail, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static SanitizedBody Refused(Diagnostic error) => new("", "", [error]);
}
