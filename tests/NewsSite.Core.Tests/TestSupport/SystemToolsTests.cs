namespace NewsSite.Tests.TestSupport;

public sealed class SystemToolsTests
{
    [Fact]
    public void A_missing_tool_skips_with_the_package_to_install()
    {
        Assert.Equal(
            "skipped: needs Debian's chromium (apt-get install chromium); NEWSSITE_REQUIRE_ALL_TESTS=1 makes this a failure",
            SystemTools.SkipReason(present: false, "chromium", _ => null));
    }

    [Fact]
    public void A_missing_npm_tool_skips_with_the_command_that_installs_it()
    {
        Assert.Equal(
            "skipped: needs s3rver from npm (cd tests/s3 && npm ci --ignore-scripts); NEWSSITE_REQUIRE_ALL_TESTS=1 makes this a failure",
            SystemTools.SkipReason(present: false, "s3rver", _ => null, "s3rver from npm (cd tests/s3 && npm ci --ignore-scripts)"));
    }

    [Fact]
    public void A_present_tool_runs_the_test()
    {
        Assert.Null(SystemTools.SkipReason(present: true, "tzdata", _ => null));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public void When_every_test_is_required_a_missing_tool_runs_the_test_so_it_fails(string value)
    {
        Assert.Null(SystemTools.SkipReason(present: false, "chromium", name => name == SystemTools.RequireAllVariable ? value : null));
    }
}
