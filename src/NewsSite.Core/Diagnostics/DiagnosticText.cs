using System.Buffers;
using System.Globalization;
using System.Text;

namespace NewsSite.Diagnostics;

/// <summary>
/// Diagnostics quote file names and file contents; printed raw, a newline or an escape sequence in them could forge
/// a CI annotation or rewrite the terminal, and a bidi override could make a line read differently than it is.
/// Such characters are written as escapes: <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u001B</c>, <c>\u202E</c>.
/// </summary>
internal static class DiagnosticText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => c < 0x20 || c >= 0x7F), .. "\u061C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"]);

    /// <summary>The text with C0 and C1 controls, DEL, line separators and bidi controls escaped.</summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var ch in text.AsSpan(first))
        {
            if (!Unsafe.Contains(ch))
            {
                escaped.Append(ch);
                continue;
            }

            escaped.Append(ch switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)ch:X4}"),
            });
        }

        return escaped.ToString();
    }
}
