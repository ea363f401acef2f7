using NewsSite.Diagnostics;

namespace NewsSite.Tests.Diagnostics;

public sealed class DiagnosticTextTests
{
    [Theory]
    [InlineData("plain 'text' – ünïcödé", "plain 'text' – ünïcödé")]
    [InlineData("a\nb\r\tc", "a\\nb\\r\\tc")]
    [InlineData("\u001b[2J\u0007\u007f\u0085\u009b", "\\u001B[2J\\u0007\\u007F\\u0085\\u009B")]
    [InlineData("gnp.\u202Eexe\u2066\u2069\u200F\u2028", "gnp.\\u202Eexe\\u2066\\u2069\\u200F\\u2028")]
    public void Control_and_bidi_characters_are_escaped(string text, string expected) =>
        Assert.Equal(expected, DiagnosticText.Escape(text));

    [Fact]
    public void A_diagnostic_prints_on_one_line_whatever_its_path_and_message_hold()
    {
        var diagnostic = Diagnostic.Error(
            DiagnosticCodes.InvalidDate,
            "'date' is not a date: 'x\n::error file=site.yaml::forged'",
            new SourceLocation("content/a\n::error::b\u001b[31m.md", 4, 7));
        Assert.Equal(
            "content/a\\n::error::b\\u001B[31m.md:4:7: error NS0203: 'date' is not a date: 'x\\n::error file=site.yaml::forged'",
            diagnostic.ToString());
    }
}
