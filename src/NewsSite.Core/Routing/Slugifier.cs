using System.Text;
using AnyAscii;

namespace NewsSite.Routing;

/// <summary>
/// Makes URL segments from any Unicode text: transliterated to ASCII, lowercase letters and digits joined by
/// single hyphens. <c>Marco Rubio</c>, <c>marco-rubio</c> and <c>MARCO  RUBIO!</c> give the same slug.
/// </summary>
public static class Slugifier
{
    public static string Slugify(string text)
    {
        var ascii = text.Transliterate();
        var builder = new StringBuilder(ascii.Length);
        var pendingHyphen = false;
        foreach (var ch in ascii)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(ch));
                pendingHyphen = false;
            }
            else if (ch != '\'')
            {
                // An apostrophe joins its word ("India's" -> "indias"), like most newsroom URLs do.
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }

    public static bool IsSlug(string text) => text.Length > 0 && Slugify(text) == text;
}
