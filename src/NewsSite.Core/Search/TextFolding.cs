using System.Globalization;
using System.Text;

namespace NewsSite.Search;

/// <summary>
/// Case and diacritic folding, identical to <c>fold</c> in <c>assets/search.js</c>: decompose (FormD), drop
/// non-spacing marks, typographic apostrophes to ', recompose (FormC), lower-case, final sigma to sigma.
/// "Café" and "CAFE" both become "cafe"; "Ångström" becomes "angstrom".
/// </summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        // Most news text is ASCII: lower-casing is all the folding it needs, and much cheaper than normalising.
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\x7f'))
        {
            return text.ToLowerInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (rune.Value is '\u2018' or '\u2019' or '\u02BC')
            {
                builder.Append('\'');
                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant().Replace('\u03C2', '\u03C3');
    }
}
