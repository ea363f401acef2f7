namespace NewsSite.Configuration;

/// <summary>What happens to HTML that editors write into article bodies (<c>markdown.raw_html</c>).</summary>
public enum RawHtmlMode
{
    /// <summary>Ordinary markup is kept; scripts, event handlers, forms, unsafe URLs and iframes from hosts
    /// outside <c>markdown.embed_hosts</c> are removed and reported.</summary>
    Sanitize,

    /// <summary>Published as written: for sites whose every committer is trusted with the site's scripts.</summary>
    Allow,

    /// <summary>Every raw HTML tag is removed; the Markdown around it stays.</summary>
    Strip,
}
