using System.Text.Json;
using AngleSharp.Dom;

namespace NewsSite.Tests.TestSupport;

/// <summary>The JSON-LD blocks of a page, parsed.</summary>
public static class JsonLd
{
    public static IReadOnlyList<JsonElement> All(IDocument page) =>
        [.. page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement.Clone())];

    public static JsonElement OfType(IDocument page, string type) =>
        Assert.Single(All(page), e => e.GetProperty("@type").GetString() == type);

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
