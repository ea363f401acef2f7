using System.Text;

namespace NewsSite.Templates;

/// <summary>Escapes text for HTML element content and quoted attribute values.</summary>
public static class HtmlText
{
    public static string Escape(string text)
    {
        var firstSpecial = text.AsSpan().IndexOfAny("&<>\"'");
        if (firstSpecial < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text.AsSpan(0, firstSpecial));
        foreach (var ch in text.AsSpan(firstSpecial))
        {
            builder.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? ch.ToString());
        }

        return builder.ToString();
    }
}
