using System.Xml.Linq;
using NewsSite.Output;

namespace NewsSite.Tests.Output;

public sealed class XmlOutputTests
{
    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_and_the_rest_kept()
    {
        Assert.Equal("Quake\tnews 🌍 é", XmlOutput.Clean("Qu\u0001ake\tnews \uD83C\uDF0D \u00E9\uFFFE\uD800"));
        Assert.Same("plain", XmlOutput.Clean("plain"));
    }

    [Fact]
    public void Written_documents_are_utf8_without_bom_with_lf_newlines_and_a_final_newline()
    {
        var bytes = XmlOutput.Write(w =>
        {
            w.WriteStartElement("a");
            w.WriteElementString("b", XmlOutput.Clean("x\u0002y"));
            w.WriteEndElement();
        });

        Assert.Equal((byte)'<', bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Equal("xy", XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Root!.Element("b")!.Value);
    }
}
