using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace NewsSite.Tests.TestSupport;

/// <summary>Reads a built site's feeds and sitemaps with parsers that owe nothing to the code that wrote them.</summary>
public static class FeedParsing
{
    public static SyndicationFeed Rss(this BuiltSite built, string path)
    {
        var formatter = new Rss20FeedFormatter();
        using var reader = XmlReader.Create(new StringReader(built.Text(path)));
        Assert.True(formatter.CanRead(reader), $"{path} is not RSS 2.0");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    public static SyndicationFeed Atom(this BuiltSite built, string path)
    {
        var formatter = new Atom10FeedFormatter();
        using var reader = XmlReader.Create(new StringReader(built.Text(path)));
        Assert.True(formatter.CanRead(reader), $"{path} is not Atom 1.0");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    public static JsonDocument Json(this BuiltSite built, string path) => JsonDocument.Parse(built.Text(path));

    public static XDocument Xml(this BuiltSite built, string path) => XDocument.Parse(built.Text(path));

    /// <summary>The bytes are UTF-8 without a byte order mark, with '\n' newlines and a final newline.</summary>
    public static void AssertPlainUtf8(this BuiltSite built, string path)
    {
        var bytes = File.ReadAllBytes(Path.Combine(built.Output, path));
        Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), $"{path} starts with a byte order mark");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
    }
}
