using NewsSite.Yaml;

namespace NewsSite.Tests.Yaml;

public sealed class YamlTreeReaderTests
{
    [Fact]
    public void Positions_are_file_lines_when_the_yaml_starts_later_in_the_file()
    {
        var (root, error) = YamlTreeReader.Read("a: 1\nb:\n  - x\n", "f.md", firstLine: 2, YamlLimits.Default);
        Assert.Null(error);
        var map = Assert.IsType<YamlMapping>(root);
        var b = Assert.IsType<YamlSequence>(map["b"]);
        Assert.Equal((4, 5), (b.Items[0].Line, b.Items[0].Column));
    }

    [Fact]
    public void Input_that_trips_the_yaml_library_is_invalid_yaml_not_a_crash()
    {
        // YamlDotNet throws InvalidOperationException here; the property tests found it.
        var (_, error) = YamlTreeReader.Read("a: b\n{c\n/\t-", "f.md", firstLine: 2, YamlLimits.Default);
        Assert.Equal("f.md:2:4: error NS0103: invalid YAML after this point: check brackets, indentation and tabs", error!.ToString());
    }

    [Fact]
    public void Control_characters_from_escapes_are_refused_at_the_value()
    {
        var (_, error) = YamlTreeReader.Read("headline: \"a\\0b\"\n", "f.md", firstLine: 2, YamlLimits.Default);
        Assert.Equal("f.md:2:11: error NS0705: the value holds the control character U+0000, which no page or feed can show; remove it", error!.ToString());
    }

    [Fact]
    public void Duplicate_keys_are_reported_at_the_second_key()
    {
        var (_, error) = YamlTreeReader.Read("a: 1\nb: 2\na: 3\n", "f.md", 1, YamlLimits.Default);
        Assert.Equal("f.md:3:1: error NS0104: duplicate key 'a'", error!.ToString());
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var yaml = "a: " + new string('[', 5000) + new string(']', 5000) + "\n";
        var (_, error) = YamlTreeReader.Read(yaml, "f.md", 1, YamlLimits.Default);
        Assert.Equal("NS0105", error!.Code);
        Assert.Contains("nested deeper than 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_count_towards_the_expansion_limit()
    {
        var limits = new YamlLimits { MaxExpandedNodes = 50 };
        var (ok, okError) = YamlTreeReader.Read("a: &a [1, 2, 3]\nb: [*a, *a]\n", "f.md", 1, limits);
        Assert.Null(okError);
        Assert.IsType<YamlMapping>(ok);

        var (_, error) = YamlTreeReader.Read("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*a, *a, *a, *a, *a, *a]\n", "f.md", 1, limits);
        Assert.Equal("NS0105", error!.Code);
    }

    [Fact]
    public void Empty_document_is_null()
    {
        var (root, error) = YamlTreeReader.Read("", "f.md", 1, YamlLimits.Default);
        Assert.Null(root);
        Assert.Null(error);
    }
}
