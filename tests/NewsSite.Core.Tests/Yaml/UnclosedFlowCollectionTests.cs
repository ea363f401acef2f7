using NewsSite.Diagnostics;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Yaml;

public sealed class UnclosedFlowCollectionTests
{
    [Theory]
    [InlineData("headline: [never closed")]
    [InlineData("tags: {never: closed")]
    public void A_flow_collection_left_open_is_an_invalid_yaml_error_not_a_crash(string line)
    {
        var (site, built) = TestSite.Build($"""
            -- content/world/a.md --
            ---
            {line}
            date: 2025-01-02
            ---
            Body
            """);
        using (site)
        {
            var error = Assert.Single(built.Diagnostics, d => d.IsError);
            Assert.Equal(DiagnosticCodes.InvalidYaml, error.Code);
            Assert.Equal("content/world/a.md", error.Location!.Value.Path);
            Assert.InRange(error.Location.Value.Line, 2, 4);
        }
    }
}
