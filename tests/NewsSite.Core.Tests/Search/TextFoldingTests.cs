using NewsSite.Search;

namespace NewsSite.Tests.Search;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("CAFÉ", "cafe")]
    [InlineData("Ångström", "angstrom")]
    [InlineData("naïve Zoë", "naive zoe")]
    [InlineData("São Paulo", "sao paulo")]
    [InlineData("Dvořák", "dvorak")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("already plain", "already plain")]
    public void Case_and_diacritics_are_folded_away(string text, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(text));

    [Fact]
    public void Typographic_apostrophes_become_plain_ones() =>
        Assert.Equal("india's modi'", TextFolding.Fold("India\u2019s Modi\u02BC"));

    [Fact]
    public void Greek_final_sigma_folds_to_sigma_so_both_forms_match() =>
        Assert.Equal(TextFolding.Fold("ΟΔΟΣ"), TextFolding.Fold("οδος"));

    [Fact]
    public void Folded_text_is_recomposed_so_other_scripts_stay_compact()
    {
        // Hangul syllables decompose into jamo under FormD; FormC puts them back together.
        Assert.Equal("한국", TextFolding.Fold("한국"));
    }

    [Fact]
    public void Letters_without_a_decomposition_are_kept() =>
        Assert.Equal("øresund łodz", TextFolding.Fold("Øresund Łodz"));
}
