using System.Text;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NewsSite.Templates;

/// <summary>
/// Scriban's <c>include</c>, whose result is marked as markup: the included template escaped its own values
/// already, and escaping its output again would print the tags as text.
/// </summary>
/// <remarks>
/// Scriban renders every include into a fresh <see cref="StringBuilder"/> and empties it by setting its length to
/// zero, which copies the builder into a new array only to drop it. Here an include renders into a builder kept
/// on the context for its nesting depth, which after the first pages never grows again. Includes with named
/// arguments, which the theme does not use, keep Scriban's own path.
/// </remarks>
internal sealed class HtmlIncludeFunction : IScriptCustomFunction
{
    private readonly IncludeFunction _include = new();

    public int RequiredParameterCount => _include.RequiredParameterCount;

    public int ParameterCount => _include.ParameterCount;

    public ScriptVarParamKind VarParamKind => _include.VarParamKind;

    public Type ReturnType => typeof(RawHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var html = context is HtmlTemplateContext htmlContext && callerContext is ScriptFunctionCall call && !HasNamedArguments(call) && arguments.Count > 0
            ? Render(htmlContext, call, arguments)
            : _include.Invoke(context, callerContext, arguments, blockStatement) as string;
        return html is null ? null : new RawHtml(html);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    private static bool HasNamedArguments(ScriptFunctionCall call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument is ScriptNamedArgument)
            {
                return true;
            }
        }

        return false;
    }

    // The steps of Scriban's IncludeFunction and TemplateContext.RenderTemplate, in their order, with the output
    // taken from the context's own stack of builders.
    private static string? Render(HtmlTemplateContext context, ScriptFunctionCall call, ScriptArray arguments)
    {
        var path = context.GetTemplatePathFromName(context.ObjectToString(arguments[0]), call);
        if (path is null)
        {
            return null;
        }

        var template = context.GetOrCreateTemplate(path, call);
        context.EnterRecursive(call);
        var indent = context.CurrentIndent;
        var textEndedLine = HtmlTemplateContext.PreviousTextWasNewLine(context);
        context.CurrentIndent = null;
        context.PushOutput(context.RentIncludeOutput());
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, asReadOnly: true, force: true);
            if (indent is not null)
            {
                context.ResetPreviousNewLine();
            }

            return template.Render(context);
        }
        finally
        {
            context.PopLocal();
            context.PopOutput();
            context.ReturnIncludeOutput();
            context.CurrentIndent = indent;
            HtmlTemplateContext.PreviousTextWasNewLine(context) = textEndedLine;
            context.ExitRecursive(call);
        }
    }
}
