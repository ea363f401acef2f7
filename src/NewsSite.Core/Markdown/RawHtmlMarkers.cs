using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsSite.Diagnostics;

namespace NewsSite.Markdown;

/// <summary>
/// Brackets each piece of raw HTML in the rendered body with comments (<c>&lt;!--nonce:3--&gt;</c> ...
/// <c>&lt;!--nonce:end--&gt;</c>), so the sanitizer can say at which line of the file an element it removed
/// was written; and marks where the body is cut for the in-body advertisement. The nonce is new for every
/// body, so an editor cannot forge a marker. Markers never reach the output: comments are not serialized.
/// </summary>
internal sealed class RawHtmlMarkers
{
    private readonly string _nonce = "newssite-" + Guid.NewGuid().ToString("N");
    private readonly Dictionary<MarkdownObject, int> _indexes = new(ReferenceEqualityComparer.Instance);
    private readonly List<SourceLocation> _locations = [];

    public RawHtmlMarkers(IEnumerable<MarkdownObject> rawNodes, BodyOrigin origin)
    {
        foreach (var node in rawNodes)
        {
            _indexes[node] = _locations.Count;
            _locations.Add(origin.At(node));
        }
    }

    public string Cut => $"<!--{_nonce}:cut-->";

    /// <summary>Replaces the renderers of HTML blocks and inline tags with ones that write the markers.</summary>
    public void Install(HtmlRenderer renderer)
    {
        renderer.ObjectRenderers.Replace<HtmlBlockRenderer>(new MarkedBlockRenderer(this));
        renderer.ObjectRenderers.Replace<HtmlInlineRenderer>(new MarkedInlineRenderer(this));
    }

    /// <summary>Reads a comment's text: a raw-HTML start (with its location), its end, the cut, or none of ours.</summary>
    public MarkerKind Read(string comment, out SourceLocation location)
    {
        location = default;
        if (!comment.StartsWith(_nonce, StringComparison.Ordinal) || comment.Length < _nonce.Length + 2 || comment[_nonce.Length] != ':')
        {
            return MarkerKind.None;
        }

        var rest = comment.AsSpan(_nonce.Length + 1);
        if (rest.SequenceEqual("end"))
        {
            return MarkerKind.End;
        }

        if (rest.SequenceEqual("cut"))
        {
            return MarkerKind.Cut;
        }

        if (int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _locations.Count)
        {
            location = _locations[index];
            return MarkerKind.Start;
        }

        return MarkerKind.None;
    }

    private void Open(HtmlRenderer renderer, MarkdownObject node, bool enabled)
    {
        if (enabled && _indexes.TryGetValue(node, out var index))
        {
            renderer.Write(string.Create(CultureInfo.InvariantCulture, $"<!--{_nonce}:{index}-->"));
        }
    }

    private void Close(HtmlRenderer renderer, MarkdownObject node, bool enabled)
    {
        if (enabled && _indexes.ContainsKey(node))
        {
            renderer.Write($"<!--{_nonce}:end-->");
        }
    }

    private sealed class MarkedBlockRenderer(RawHtmlMarkers markers) : HtmlBlockRenderer
    {
        protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
        {
            markers.Open(renderer, obj, renderer.EnableHtmlForBlock);
            base.Write(renderer, obj);
            markers.Close(renderer, obj, renderer.EnableHtmlForBlock);
        }
    }

    private sealed class MarkedInlineRenderer(RawHtmlMarkers markers) : HtmlInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, HtmlInline obj)
        {
            // Inside an image's alt text, HTML is not written at all, and a marker must not be either.
            markers.Open(renderer, obj, renderer.EnableHtmlForInline);
            base.Write(renderer, obj);
            markers.Close(renderer, obj, renderer.EnableHtmlForInline);
        }
    }
}

internal enum MarkerKind
{
    None,
    Start,
    End,
    Cut,
}
