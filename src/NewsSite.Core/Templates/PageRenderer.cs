using System.Reflection;
using NewsSite.Diagnostics;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NewsSite.Templates;

/// <summary>
/// Renders a page template, then the base layout around it. The parsed templates are shared; Scriban contexts
/// are not thread-safe, so each render borrows one from a pool and hands it back clean.
/// </summary>
public sealed class PageRenderer
{
    public const string LayoutName = "layouts/base.html";

    // A page's globals are its model's properties under their template names (site, page, article, ...).
    // Reflected once: importing the model object by object costs a reflection walk per page.
    private static readonly (string Name, PropertyInfo Property)[] ModelMembers =
        [.. typeof(PageModel).GetProperties().Select(p => (StandardMemberRenamer.Default(p), p))];

    private readonly TemplateSet _templates;
    private readonly TemplateContextPool _contexts;
    private readonly TeaserCards _teaserCards;

    /// <param name="budget">How long one template may run for one page (the page's, the layout's, a teaser's).</param>
    public PageRenderer(TemplateSet templates, TimeSpan? budget = null)
    {
        _templates = templates;
        var include = new HtmlIncludeFunction();
        var limit = budget ?? FrontMatter.ArticleLimits.DefaultRenderBudget;
        _teaserCards = new TeaserCards(new TemplateContextPool(templates, include, teaserCards: null, limit), templates);
        _contexts = new TemplateContextPool(templates, include, _teaserCards, limit);
    }

    /// <summary>
    /// Drops the rendered teaser cards once the last page that shows them is written, so that they are not held
    /// while feeds, sitemaps and the search index are made. A later page renders them again.
    /// </summary>
    public void ForgetTeaserCards() => _teaserCards.Forget();

    /// <summary>
    /// Renders a page and hands its UTF-8 bytes to <paramref name="write"/>; the bytes are the renderer's buffer
    /// and valid only during that call.
    /// </summary>
    /// <returns>What <paramref name="write"/> returned, or a diagnostic naming the template position and the page.</returns>
    public (bool Written, Diagnostic? Error) Render(string templateName, PageModel model, string pageDescription, Func<ReadOnlySpan<byte>, bool> write)
    {
        if (!_templates.Contains(templateName))
        {
            return (false, Diagnostic.Error(DiagnosticCodes.MissingTemplate, $"template '{templateName}' is missing from the theme", null));
        }

        var context = _contexts.Rent();
        var clean = false;
        try
        {
            context.PushGlobal(Globals(model));
            var page = context.ContentOutput;
            context.RenderTo(_templates.Get(templateName), page);
            if (_templates.Contains(LayoutName))
            {
                context.PushGlobal(new ScriptObject(1) { ["content"] = new RawUtf8(page.WrittenMemory) });
                page = context.PageOutput;
                context.RenderTo(_templates.Get(LayoutName), page);
                context.PopGlobal();
            }

            context.PopGlobal();
            clean = true;
            return (write(page.Written), null);
        }
        catch (ScriptRuntimeException exception)
        {
            var where = TemplateSet.Locate(exception.Span.FileName ?? templateName, exception.Span);
            var message = exception is ScriptAbortException
                ? $"the template ran for more than its {context.Budget.TotalSeconds:0.#} s render budget and was stopped here; does this loop end?"
                : exception.OriginalMessage;
            return (false, Diagnostic.Error(DiagnosticCodes.TemplateRuntime, $"{message} (while rendering {pageDescription})", where));
        }
        finally
        {
            // A render that threw may have left scopes and output behind: that context is dropped, not reused.
            if (clean)
            {
                _contexts.Return(context);
            }
        }
    }

    private static ScriptObject Globals(PageModel model)
    {
        var globals = new ScriptObject(ModelMembers.Length);
        foreach (var (name, property) in ModelMembers)
        {
            globals[name] = property.GetValue(model);
        }

        return globals;
    }
}
