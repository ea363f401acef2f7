using NewsSite.Markdown;

namespace NewsSite.Tests.Markdown;

public sealed class SummariesTests
{
    private const string Reference =
        "New Delhi: Eight days after gunmen opened fire on tourists in a meadow near Pahalgam, the crisis between India and Pakistan has become the worst in years. "
        + "The United States has now stepped in, asking the two nuclear-armed neighbours to lower the temperature and keep channels open.";

    [Fact]
    public void A_long_paragraph_is_cut_after_its_last_whole_sentence_that_fits_without_an_ellipsis()
    {
        var summary = Summaries.Cut(Reference);
        Assert.Equal("New Delhi: Eight days after gunmen opened fire on tourists in a meadow near Pahalgam, the crisis between India and Pakistan has become the worst in years.", summary);
    }

    [Fact]
    public void Several_short_sentences_are_kept_as_long_as_they_fit()
    {
        var text = "The port opened. Ships came in. " + string.Join(' ', Enumerable.Repeat("Cranes worked through the night.", 8));
        var summary = Summaries.Cut(text);
        Assert.True(summary.Length <= Summaries.MaxLength, summary);
        Assert.EndsWith("night.", summary, StringComparison.Ordinal);
        Assert.StartsWith("The port opened. Ships came in. Cranes", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_sentence_longer_than_the_limit_is_cut_at_a_word_end_with_an_ellipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100)) + ". Next sentence.";
        var summary = Summaries.Cut(text);
        Assert.True(summary.Length <= Summaries.MaxLength + 1);
        Assert.EndsWith("word…", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Talks led by Mr. Rubio")]
    [InlineData("Minister S. Jaishankar spoke")]
    [InlineData("Officials in the U.S. Congress")]
    public void Abbreviations_and_initials_do_not_end_a_sentence(string opening)
    {
        var text = opening + " " + string.Join(' ', Enumerable.Repeat("went on and on", 20)) + ". Then it ended.";
        var summary = Summaries.Cut(text);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.StartsWith(opening, summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_closing_a_quotation_keeps_its_closing_mark()
    {
        var text = "\u201CWe will talk,\u201D he said. \u201CNot today.\u201D " + string.Join(' ', Enumerable.Repeat("More words follow here", 12)) + ".";
        Assert.Equal("\u201CWe will talk,\u201D he said. \u201CNot today.\u201D", Summaries.Cut(text));
    }

    [Fact]
    public void A_short_text_is_kept_whole()
    {
        Assert.Equal("Short. And done", Summaries.Cut("Short. And done"));
    }
}
