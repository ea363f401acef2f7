using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NewsSite.Templates;

/// <summary>
/// <c>{{ teaser_card teaser }}</c>: the theme's <c>partials/teaser.html</c> for one article, rendered once per
/// build and reused by every list, home page and related box that shows it.
/// </summary>
/// <remarks>
/// An article appears in many lists, so its teaser is rendered once. Reuse is safe because the partial is
/// rendered in a scope of its own that holds only <c>teaser</c> and <c>site</c>: nothing of the page it lands on
/// can make two renders of one teaser differ. Cards are kept as UTF-8, smaller than a
/// string, because a card for every article is held until the last list is written.
/// </remarks>
internal sealed class TeaserCards(TemplateContextPool contexts, TemplateSet templates) : IScriptCustomFunction
{
    public const string FunctionName = "teaser_card";
    public const string TemplateName = "partials/teaser.html";

    private readonly ConcurrentDictionary<TeaserView, byte[]> _cards = new(ReferenceEqualityComparer.Instance);

    public void Forget() => _cards.Clear();

    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(RawUtf8);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "teaser");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments is not [TeaserView teaser])
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, $"{FunctionName} expects one teaser (an item of articles, related or home.top)");
        }

        if (!_cards.TryGetValue(teaser, out var card))
        {
            var site = context.GetValue(new ScriptVariableGlobal("site"));
            card = _cards.GetOrAdd(teaser, Render(teaser, site));
        }

        return new RawUtf8(card);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    private byte[] Render(TeaserView teaser, object? site)
    {
        var context = contexts.Rent();
        context.PushGlobal(new ScriptObject(2) { ["teaser"] = teaser, ["site"] = site });
        context.RenderTo(templates.Get(TemplateName), context.ContentOutput);
        var html = context.ContentOutput.Written.ToArray();
        context.PopGlobal();

        // Only a render that did not throw hands its context back; a failed one left scopes behind.
        contexts.Return(context);
        return html;
    }
}
