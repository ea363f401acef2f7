using NewsSite.Diagnostics;

namespace NewsSite.Tests;

public sealed class SideTaskTests
{
    [Fact]
    public void What_the_read_finds_reaches_the_build_only_when_joined()
    {
        var read = new ManualResetEventSlim();
        var build = new DiagnosticBag();
        var ahead = new SideTask<int>(found =>
        {
            found.Add(Diagnostic.Error("NS0001", "bad key", SourceLocation.StartOf("site.yaml")));
            read.Set();
            return 42;
        });

        read.Wait(TimeSpan.FromSeconds(10));
        Assert.False(build.HasErrors);

        Assert.Equal(42, ahead.Join(build));
        var reported = Assert.Single(build.ToSortedList());
        Assert.Equal("bad key", reported.Message);
    }

    [Fact]
    public void A_failed_read_throws_when_joined_and_not_when_abandoned()
    {
        var ahead = new SideTask<int>(_ => throw new IOException("disk gone"));

        Assert.Equal("disk gone", Assert.Throws<IOException>(() => ahead.Join(new DiagnosticBag())).Message);
        ahead.Abandon();
    }
}
