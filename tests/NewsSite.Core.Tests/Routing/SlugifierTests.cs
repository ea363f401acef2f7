using NewsSite.Routing;

namespace NewsSite.Tests.Routing;

public sealed class SlugifierTests
{
    [Theory]
    [InlineData("Marco Rubio", "marco-rubio")]
    [InlineData("marco-rubio", "marco-rubio")]
    [InlineData("  MARCO   RUBIO! ", "marco-rubio")]
    [InlineData("India’s Stance", "indias-stance")]
    [InlineData("São Paulo", "sao-paulo")]
    [InlineData("Zürich Straße", "zurich-strasse")]
    [InlineData("Москва", "moskva")]
    [InlineData("北京", "beijing")]
    [InlineData("C++", "c")]
    [InlineData("---", "")]
    public void Any_text_becomes_lowercase_ascii_words_joined_by_hyphens(string text, string slug) =>
        Assert.Equal(slug, Slugifier.Slugify(text));
}
