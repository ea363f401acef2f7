using System.Runtime.CompilerServices;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;
using Scriban.Runtime;

namespace NewsSite.Templates;

/// <summary>
/// A Scriban context that escapes every value a template prints, unless it is markup we made (<see cref="RawHtml"/>,
/// <see cref="RawUtf8"/>). Scriban escapes nothing by itself; escaping here means no template can forget it for a
/// value from content.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    private const int IncludeCapacity = 8 * 1024;

    // Outputs for includes, one per nesting depth, reused from page to page (see HtmlIncludeFunction).
    private readonly List<StringBuilderOutput> _includeOutputs = [];
    private int _includeDepth;

    /// <param name="budget">How long one <see cref="RenderTo"/> may run before it is stopped.</param>
    public HtmlTemplateContext(TimeSpan budget)
    {
        // Scriban cuts a render's output at LimitToString (1 MB) unless a limit is set, and counts it from the
        // start of each Template.Render; RenderTo does not start that count. A page is never cut short.
        OutputLimit = 0;
        Budget = budget;
    }

    /// <summary>How long one <see cref="RenderTo"/> may run, as said in the error when a render is stopped.</summary>
    public TimeSpan Budget { get; }

    /// <summary>Where a page's own template renders, before the layout wraps it.</summary>
    public Utf8Output ContentOutput { get; } = new();

    /// <summary>Where the whole page renders.</summary>
    public Utf8Output PageOutput { get; } = new();

    public StringBuilderOutput RentIncludeOutput()
    {
        if (_includeDepth == _includeOutputs.Count)
        {
            _includeOutputs.Add(new StringBuilderOutput(new StringBuilder(IncludeCapacity)));
        }

        return _includeOutputs[_includeDepth++];
    }

    public void ReturnIncludeOutput()
    {
        // A render that threw leaves text behind; the next one must start empty.
        _includeOutputs[--_includeDepth].Builder.Clear();
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case RawHtml raw:
                Write(raw.Value);
                return this;
            case RawUtf8 utf8:
                WriteUtf8(utf8);
                return this;
            case string text:
                Write(HtmlText.Escape(text));
                return this;
            default:
                Write(HtmlText.Escape(ObjectToString(textAsObject) ?? ""));
                return this;
        }
    }

    /// <summary>
    /// Renders <paramref name="template"/> into <paramref name="output"/>: the steps of Scriban's
    /// <c>Template.Render</c> but for its last, which copies the output into a string and empties it.
    /// </summary>
    public void RenderTo(Template template, Utf8Output output)
    {
        output.Clear();
        // Loops are not limited by their count (a site's lists are as long as its archive); a render that does not
        // end is stopped by time instead. Scriban checks the token before each statement and iteration step.
        using var budget = Budget < TimeSpan.FromDays(49) ? new CancellationTokenSource(Budget) : new CancellationTokenSource();
        CancellationToken = budget.Token;
        PushOutput(output);
        if (template.SourceFilePath is not null)
        {
            PushSourceFile(template.SourceFilePath);
        }

        try
        {
            UseScientific = template.LexerOptions.Lang == ScriptLang.Scientific;
            if (template.Page is not null && Evaluate(template.Page) is { } result && EnableOutput)
            {
                Write(template.Page.Span, result);
            }

            output.Flush();
        }
        finally
        {
            if (template.SourceFilePath is not null)
            {
                PopSourceFile();
            }

            PopOutput();
        }
    }

    private void WriteUtf8(RawUtf8 markup)
    {
        if (Output is not Utf8Output output)
        {
            Write(markup.ToString());
            return;
        }

        var bytes = markup.Bytes.Span;
        if (bytes.IsEmpty)
        {
            return;
        }

        ref var lineEnded = ref PreviousTextWasNewLine(this);
        var indent = CurrentIndent;
        if (indent is null)
        {
            output.WriteUtf8(bytes);
            lineEnded = bytes[^1] == (byte)'\n';
            return;
        }

        // Scriban's indentation (Write with a current indent), on bytes: '\n' and '\r' are single bytes in UTF-8.
        while (!bytes.IsEmpty)
        {
            var newLine = bytes.IndexOf((byte)'\n');
            if (newLine < 0)
            {
                if (lineEnded)
                {
                    output.Write(indent, 0, indent.Length);
                    lineEnded = false;
                }

                output.WriteUtf8(bytes);
                return;
            }

            if (lineEnded && (IndentOnEmptyLines || (newLine != 0 && (newLine != 1 || bytes[0] != (byte)'\r'))))
            {
                output.Write(indent, 0, indent.Length);
            }

            output.WriteUtf8(bytes[..(newLine + 1)]);
            bytes = bytes[(newLine + 1)..];
            lineEnded = true;
        }
    }

    // Scriban keeps this flag for indenting the next line and exposes no way to set it; a write that bypasses
    // Scriban's must leave it as Scriban's own would.
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_previousTextWasNewLine")]
    internal static extern ref bool PreviousTextWasNewLine(TemplateContext context);

    /// <summary>A loop whose body is empty runs no statement, so each step checks the token too.</summary>
    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        CheckAbort();
        return true;
    }

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        ValueTask.FromResult(Write(span, textAsObject));
}
