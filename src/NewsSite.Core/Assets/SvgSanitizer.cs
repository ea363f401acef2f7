using NewsSite.Routing;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsSite.Diagnostics;
using NewsSite.Markdown;

namespace NewsSite.Assets;

/// <summary>
/// Takes what can run script out of an SVG picture: <c>&lt;script&gt;</c>, <c>&lt;foreignObject&gt;</c> and HTML
/// elements, event-handler attributes, <c>javascript:</c> and other unsafe links, <c>&lt;use&gt;</c> of other files,
/// animations that set a link or a handler, <c>xml-stylesheet</c> instructions and the DOCTYPE (a DTD can add
/// attributes). The file is read with an XML parser that never processes a DTD or fetches anything; a clean file is
/// published byte for byte, a file that cannot be read as XML is not published.
/// </summary>
internal static class SvgSanitizer
{
    public const long MaxBytes = 16 * 1024 * 1024;

    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly string[] ActiveElements = ["script", "foreignObject", "handler", "listener", "iframe", "embed", "object"];

    private static readonly string[] Animations = ["animate", "set", "animateMotion", "animateTransform", "animateColor"];

    /// <summary>The bytes to publish (the same array when nothing was removed), or null; and what to tell the editor.</summary>
    public static (byte[]? Published, Diagnostic? Warning) Check(byte[] bytes, string path)
    {
        if (bytes.LongLength > MaxBytes)
        {
            return (null, TooLarge(path));
        }

        // DtdProcessing.Ignore would silently drop a DOCTYPE, and a browser may apply the attribute defaults it
        // declares; reading with Prohibit first tells a file that has one.
        var hasDoctype = false;
        bool active;
        try
        {
            active = HasActiveContent(bytes, DtdProcessing.Prohibit);
        }
        catch (XmlException)
        {
            try
            {
                active = HasActiveContent(bytes, DtdProcessing.Ignore);
                hasDoctype = true;
            }
            catch (XmlException exception)
            {
                return (null, Warn($"SVG file is not well-formed XML ({exception.Message}) and is not published", Where(path, exception.LineNumber, exception.LinePosition)));
            }
        }

        if (!active && !hasDoctype)
        {
            return (bytes, null);
        }

        return Sanitize(bytes, path, hasDoctype);
    }

    public static Diagnostic TooLarge(string path) =>
        Warn($"SVG file is larger than {MaxBytes / 1024 / 1024} MB, so it is not checked and not published", SourceLocation.StartOf(path));

    private static bool HasActiveContent(byte[] bytes, DtdProcessing dtd)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), Settings(dtd));
        var active = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.ProcessingInstruction && IsStylesheet(reader.Name))
            {
                active = true;
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                var element = reader.LocalName;
                active |= ActiveElement(element, reader.NamespaceURI, reader.GetAttribute("attributeName")) is not null;
                while (reader.MoveToNextAttribute())
                {
                    active |= ActiveAttribute(element, reader.LocalName, reader.NamespaceURI, reader.Value) is not null;
                }
            }
        }

        // Read to the end either way: a file that is not well-formed is refused, not published.
        return active;
    }

    private static (byte[]? Published, Diagnostic? Warning) Sanitize(byte[] bytes, string path, bool hasDoctype)
    {
        XDocument document;
        using (var reader = XmlReader.Create(new MemoryStream(bytes), Settings(hasDoctype ? DtdProcessing.Ignore : DtdProcessing.Prohibit)))
        {
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
        }

        var removed = new SortedDictionary<string, int>(StringComparer.Ordinal);
        (int Line, int Column)? first = null;
        void Removed(string what, IXmlLineInfo at)
        {
            removed[what] = removed.GetValueOrDefault(what) + 1;
            var here = (at.LineNumber, at.LinePosition);
            first = first is { } known && known.CompareTo(here) <= 0 ? known : here;
        }

        if (hasDoctype)
        {
            removed["DOCTYPE"] = 1;
            first = (1, 1);
        }

        foreach (var instruction in document.DescendantNodes().OfType<XProcessingInstruction>().Where(i => IsStylesheet(i.Target)).ToList())
        {
            Removed("xml-stylesheet instruction", instruction);
            instruction.Remove();
        }

        foreach (var element in document.Descendants().ToList())
        {
            if (element.Document is null)
            {
                continue; // inside an element already removed
            }

            if (ActiveElement(element.Name.LocalName, element.Name.NamespaceName, element.Attribute("attributeName")?.Value) is { } what)
            {
                Removed(what, element);
                element.Remove();
                continue;
            }

            foreach (var attribute in element.Attributes().ToList())
            {
                if (ActiveAttribute(element.Name.LocalName, attribute.Name.LocalName, attribute.Name.NamespaceName, attribute.Value) is { } kind)
                {
                    Removed(kind, attribute);
                    attribute.Remove();
                }
            }
        }

        if (document.Root is null)
        {
            return (null, Warn("SVG file is nothing but active content and is not published", Where(path, first?.Line ?? 1, first?.Column ?? 1)));
        }

        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = document.Declaration is null, NewLineHandling = NewLineHandling.None };
        using (var writer = XmlWriter.Create(output, settings))
        {
            document.Save(writer);
        }

        var list = string.Join(", ", removed.Select(r => r.Value == 1 ? r.Key : $"{r.Key} ({r.Value})"));
        var (line, column) = first ?? (1, 1);
        return (output.ToArray(), Warn($"SVG file had active content that was removed ({list}); the picture is published without it", Where(path, line, column)));
    }

    /// <summary>What kind of active element this is, or null for an element that only draws.</summary>
    private static string? ActiveElement(string name, string ns, string? animatedAttribute)
    {
        if (ActiveElements.FirstOrDefault(e => e.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } active)
        {
            return $"<{active}> element";
        }

        if (ns == XhtmlNamespace)
        {
            return "HTML element";
        }

        // <animate attributeName="href" values="javascript:..."> turns a harmless link into a script.
        var target = animatedAttribute?.Trim();
        target = target?[(target.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return Animations.Contains(name, StringComparer.OrdinalIgnoreCase) && target is not null
            && (target.Equals("href", StringComparison.OrdinalIgnoreCase) || target.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            ? "animation of a link or handler"
            : null;
    }

    /// <summary>What kind of active attribute this is, or null for one that is safe to keep.</summary>
    private static string? ActiveAttribute(string element, string name, string ns, string value)
    {
        if (ns == "http://www.w3.org/2000/xmlns/")
        {
            return null;
        }

        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            return "event-handler attribute";
        }

        if (!name.Equals("href", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // <use> may draw a part of this file; another file (or a data: one) could bring its own scripts.
        if (element.Equals("use", StringComparison.OrdinalIgnoreCase))
        {
            return value.TrimStart().StartsWith('#') ? null : "<use> of another file";
        }

        var isImage = element.Equals("image", StringComparison.OrdinalIgnoreCase) || element.Equals("feImage", StringComparison.OrdinalIgnoreCase);
        return UrlPolicy.Blocked(value, isImage) is { } scheme ? $"'{scheme}:' link" : null;
    }

    private static bool IsStylesheet(string target) => target.Equals("xml-stylesheet", StringComparison.OrdinalIgnoreCase);

    private static XmlReaderSettings Settings(DtdProcessing dtd) => new()
    {
        DtdProcessing = dtd,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBytes,
    };

    private static SourceLocation Where(string path, int line, int column) => new(path, Math.Max(line, 1), Math.Max(column, 1));

    private static Diagnostic Warn(string message, SourceLocation location) => Diagnostic.Warning(DiagnosticCodes.SvgSanitized, message, location);
}
