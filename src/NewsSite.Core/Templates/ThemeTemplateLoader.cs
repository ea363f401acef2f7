using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace NewsSite.Templates;

/// <summary>
/// Resolves <c>include 'partials/x.html'</c> to the already parsed templates of the set; nothing outside the set
/// (no path on disk) can be included.
/// </summary>
internal sealed class ThemeTemplateLoader(TemplateSet templates) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (!templates.Contains(templateName))
        {
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"there is no template '{templateName}' to include");
        }

        return templateName;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"template '{templatePath}' is not preloaded");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
