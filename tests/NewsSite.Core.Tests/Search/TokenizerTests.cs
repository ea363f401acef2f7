using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class TokenizerTests
{
    [Fact]
    public void Punctuation_hyphens_and_spaces_separate_words() =>
        Assert.Equal(["ceasefire", "talks", "resume", "in", "geneva", "2025"], Tokenizer.Words("ceasefire-talks resume, in geneva (2025)."));

    [Fact]
    public void An_apostrophe_inside_a_word_keeps_it_whole() =>
        Assert.Equal(["india's", "o'brien", "said"], Tokenizer.Words("'india's o'brien said'"));

    [Fact]
    public void Letters_of_any_script_and_their_marks_make_words()
    {
        // Devanagari vowel signs are spacing marks: the word must not break at them.
        Assert.Equal(["नमस्ते", "दुनिया"], Tokenizer.Words("नमस्ते, दुनिया!"));
        Assert.Equal(["привет", "мир"], Tokenizer.Words("привет мир"));
    }

    [Fact]
    public void Letters_outside_the_basic_plane_are_word_characters() =>
        Assert.Equal(["a𝒜b", "c"], Tokenizer.Words("a𝒜b c"));

    [Fact]
    public void A_lone_surrogate_separates_words_instead_of_failing() =>
        Assert.Equal(["ab", "cd"], Tokenizer.Words("ab\uD800cd"));

    [Fact]
    public void Empty_and_punctuation_only_text_has_no_words()
    {
        Assert.Empty(Tokenizer.Words(""));
        Assert.Empty(Tokenizer.Words(" -- ... '' "));
    }
}
