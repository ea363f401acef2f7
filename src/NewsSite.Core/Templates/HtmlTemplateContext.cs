using Scriban;
using Scriban.Parsing;

namespace NewsSite.Templates;

/// <summary>
/// A Scriban context that escapes every value a template prints, unless it is <see cref="RawHtml"/>. Scriban
/// escapes nothing by itself; escaping here means no template can forget it for a value from content.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case RawHtml raw:
                Write(raw.Value);
                return this;
            case string text:
                Write(HtmlText.Escape(text));
                return this;
            default:
                Write(HtmlText.Escape(ObjectToString(textAsObject) ?? ""));
                return this;
        }
    }

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        ValueTask.FromResult(Write(span, textAsObject));
}
