using NewsSite.Diagnostics;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NewsSite.Templates;

/// <summary>
/// Renders a page template, then the base layout around it. A context per render (Scriban contexts are not
/// thread-safe); the parsed templates are shared.
/// </summary>
public sealed class PageRenderer(TemplateSet templates)
{
    private static readonly HtmlIncludeFunction IncludeFunction = new();

    public const string LayoutName = "layouts/base.html";

    /// <returns>The page's HTML, or a diagnostic naming the template position and the page.</returns>
    public (string? Html, Diagnostic? Error) Render(string templateName, PageModel model, string pageDescription)
    {
        if (!templates.Contains(templateName))
        {
            return (null, Diagnostic.Error(DiagnosticCodes.MissingTemplate, $"template '{templateName}' is missing from the theme", null));
        }

        var context = CreateContext(model);
        try
        {
            var content = templates.Get(templateName).Render(context);
            if (!templates.Contains(LayoutName))
            {
                return (content, null);
            }

            context.PushGlobal(new ScriptObject { ["content"] = new RawHtml(content) });
            return (templates.Get(LayoutName).Render(context), null);
        }
        catch (ScriptRuntimeException exception)
        {
            var where = TemplateSet.Locate(exception.Span.FileName ?? templateName, exception.Span);
            return (null, Diagnostic.Error(DiagnosticCodes.TemplateRuntime, $"{exception.OriginalMessage} (while rendering {pageDescription})", where));
        }
    }

    private HtmlTemplateContext CreateContext(PageModel model)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        globals["include"] = IncludeFunction;
        var context = new HtmlTemplateContext
        {
            TemplateLoader = new ThemeTemplateLoader(templates),
            LoopLimit = 0,
            RecursiveLimit = 50,
            NewLine = "\n",
            StrictVariables = false,
        };
        foreach (var (name, template) in templates.Templates)
        {
            context.CachedTemplates[name] = template;
        }

        context.PushGlobal(globals);
        return context;
    }
}
