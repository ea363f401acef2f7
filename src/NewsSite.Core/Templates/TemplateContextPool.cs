using System.Collections.Concurrent;
using Scriban.Runtime;

namespace NewsSite.Templates;

/// <summary>
/// Ready Scriban contexts for one build, each used by one thread at a time. Making a context (its built-in
/// functions, its template cache) cost more than rendering a small page, so they are kept and reused.
/// </summary>
/// <param name="budget">How long one template render may run (<see cref="HtmlTemplateContext"/>).</param>
internal sealed class TemplateContextPool(TemplateSet templates, HtmlIncludeFunction include, TeaserCards? teaserCards, TimeSpan budget)
{
    private readonly ConcurrentBag<HtmlTemplateContext> _free = [];

    /// <summary>A context with only the theme's functions in scope; the caller pushes its own globals.</summary>
    public HtmlTemplateContext Rent() => _free.TryTake(out var context) ? context : Create();

    /// <summary>Takes back a context whose render finished normally and whose pushed globals were popped.</summary>
    public void Return(HtmlTemplateContext context) => _free.Add(context);

    private HtmlTemplateContext Create()
    {
        var context = new HtmlTemplateContext(budget)
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

        var functions = new ScriptObject { ["include"] = include };
        if (teaserCards is not null)
        {
            functions[TeaserCards.FunctionName] = teaserCards;
        }

        context.PushGlobal(functions);
        return context;
    }
}
