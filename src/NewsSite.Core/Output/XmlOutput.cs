using System.Text;
using System.Xml;

namespace NewsSite.Output;

/// <summary>
/// How feeds and sitemaps are written: UTF-8 without a byte order mark, '\n' newlines, a final newline, and no
/// character that XML 1.0 cannot carry (a stray control character in a headline must not make a feed unreadable).
/// </summary>
internal static class XmlOutput
{
    public static XmlWriterSettings Settings(bool indent, ConformanceLevel conformance = ConformanceLevel.Document) => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = indent,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        ConformanceLevel = conformance,
        CloseOutput = false,
    };

    public static byte[] Write(Action<XmlWriter> write, bool indent = true)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings(indent)))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The text without the characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/F).</summary>
    public static string Clean(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var ch = text[i];
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], ch))
            {
                builder.Append(ch).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], ch))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(ch))
            {
                return i;
            }
        }

        return -1;
    }
}
