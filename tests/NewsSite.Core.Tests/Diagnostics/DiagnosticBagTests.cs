using NewsSite.Diagnostics;

namespace NewsSite.Tests.Diagnostics;

public sealed class DiagnosticBagTests
{
    [Fact]
    public void Diagnostics_are_sorted_by_path_line_and_column_whatever_the_order_they_came_in()
    {
        var bag = new DiagnosticBag();
        Parallel.ForEach(new[] { ("b.md", 1, 1), ("a.md", 10, 2), ("a.md", 2, 5), ("a.md", 2, 1) }, p =>
            bag.Add(Diagnostic.Error("NS0001", "m", new SourceLocation(p.Item1, p.Item2, p.Item3))));
        bag.Add(Diagnostic.Error("NS0503", "no location", null));

        Assert.Equal(
            ["error NS0503: no location", "a.md:2:1: error NS0001: m", "a.md:2:5: error NS0001: m", "a.md:10:2: error NS0001: m", "b.md:1:1: error NS0001: m"],
            bag.ToSortedList().Select(d => d.ToString()));
        Assert.True(bag.HasErrors);
    }

    [Fact]
    public void Warnings_alone_are_not_errors()
    {
        var bag = new DiagnosticBag();
        bag.Add(Diagnostic.Warning("NS0502", "w", SourceLocation.StartOf("site.yaml")));
        Assert.False(bag.HasErrors);
        Assert.Equal("site.yaml:1:1: warning NS0502: w", bag.ToSortedList()[0].ToString());
    }
}
