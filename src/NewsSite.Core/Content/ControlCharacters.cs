using System.Buffers;
using System.Globalization;
using System.Text;
using NewsSite.Diagnostics;

namespace NewsSite.Content;

/// <summary>
/// Characters that text from a newsroom never needs and that break what we write: NUL and the other C0
/// controls (XML cannot hold them at all, so a feed would fail) and the noncharacters U+FFFE and U+FFFF.
/// Tabs and line breaks are ordinary text.
/// </summary>
internal static class ControlCharacters
{
    public const char Replacement = '\uFFFD';

    public static bool IsDisallowed(char ch) => (ch < '\u0020' && ch is not ('\t' or '\n' or '\r')) || ch is '\uFFFE' or '\uFFFF';

    // Every file's text is searched: a vectorised search over the set, not a test per character.
    private static readonly SearchValues<char> Disallowed = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c).Where(IsDisallowed), '\uFFFE', '\uFFFF']);

    public static int IndexOfDisallowed(string text) => text.AsSpan().IndexOfAny(Disallowed);

    /// <summary>Replaces them with U+FFFD, with one warning at the first (pasted binary or a damaged file).</summary>
    /// <param name="text">Text with '\n' line endings.</param>
    public static (string Text, Diagnostic? Warning) Replace(string text, string path)
    {
        var first = IndexOfDisallowed(text);
        if (first < 0)
        {
            return (text, null);
        }

        var builder = new StringBuilder(text);
        var count = 0;
        for (var i = first; i < builder.Length; i++)
        {
            if (IsDisallowed(builder[i]))
            {
                builder[i] = Replacement;
                count++;
            }
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < first; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var warning = Diagnostic.Warning(
            DiagnosticCodes.ControlCharacter,
            string.Create(CultureInfo.InvariantCulture, $"{count} control character(s) such as U+{(int)text[first]:X4} were replaced with U+FFFD; is the file damaged, or pasted from a binary?"),
            new SourceLocation(path, line, first - lineStart + 1));
        return (builder.ToString(), warning);
    }

    public static string Describe(char ch) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)ch:X4}");
}
