using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class HtmlTextExtractorTests
{
    [Fact]
    public void Tags_are_removed_and_entities_decoded()
    {
        var text = HtmlTextExtractor.Extract("<p>Fish &amp; chips</p><p>&ldquo;Quoted&rdquo; &#8212; here</p>");
        Assert.Equal("Fish & chips “Quoted” — here", string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Block_tags_separate_words_and_inline_tags_do_not()
    {
        var words = Tokenizer.Words(TextFolding.Fold(HtmlTextExtractor.Extract("<p>end</p><p>start <em>India</em>'s <a href=\"/x\">pol</a>icy</p>"))).ToList();
        Assert.Equal(["end", "start", "india's", "policy"], words);
    }

    [Fact]
    public void Script_and_style_contents_are_not_text() =>
        Assert.Equal(["before", "after"], Tokenizer.Words(HtmlTextExtractor.Extract("before<script>var secret = 1;</script><style>p{}</style>after")));
}
