using System.Text;
using NewsSite.Diagnostics;

namespace NewsSite.Content;

/// <summary>Turns a file's bytes into text with '\n' line endings: strict UTF-8, BOM dropped, CRLF and CR folded.</summary>
internal static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string? Text, Diagnostic? Error) Decode(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            var at = LocationOfByte(bytes, Math.Max(0, exception.Index), path);
            return (null, Diagnostic.Error(DiagnosticCodes.InvalidUtf8, "file is not valid UTF-8; save it as UTF-8", at));
        }

        return (NormalizeLineEndings(text), null);
    }

    public static string NormalizeLineEndings(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    private static SourceLocation LocationOfByte(ReadOnlySpan<byte> bytes, int index, string path)
    {
        var before = bytes[..Math.Min(index, bytes.Length)];
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Column counts characters of the valid prefix of the line, which is what an editor shows.
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return new SourceLocation(path, line, column);
    }
}
