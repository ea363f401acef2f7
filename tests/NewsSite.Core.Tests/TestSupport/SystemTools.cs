namespace NewsSite.Tests.TestSupport;

/// <summary>A system package that some tests need beyond the .NET SDK.</summary>
public enum SystemTool
{
    /// <summary>Debian's Chromium, which the browser tests drive through Playwright.</summary>
    Chromium,

    /// <summary>The machine's time-zone database, which TZ needs to mean anything to a child process.</summary>
    TimeZoneData,
}

/// <summary>
/// On a machine without a tool, the tests that need it are skipped with one line naming the package to install, so
/// the README's test command passes with only the .NET SDK. CI, which installs everything, sets
/// <see cref="RequireAllVariable"/>: the tests then run and fail, so nothing is skipped there unseen.
/// </summary>
public static class SystemTools
{
    public const string RequireAllVariable = "NEWSSITE_REQUIRE_ALL_TESTS";

    /// <summary>Overrides where Chromium is looked for (and lets the skip be tried on a machine that has it).</summary>
    public const string ChromiumVariable = "NEWSSITE_CHROMIUM";

    public static string ChromiumPath => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Null when the test should run: the tool is there, or every test is required.</summary>
    public static string? SkipReason(SystemTool tool) =>
        SkipReason(IsPresent(tool), PackageOf(tool), Environment.GetEnvironmentVariable);

    public static string? SkipReason(bool present, string package, Func<string, string?> environment) =>
        present || environment(RequireAllVariable) is "1" or "true"
            ? null
            : $"skipped: needs Debian's {package} (apt-get install {package}); {RequireAllVariable}=1 makes this a failure";

    public static string PackageOf(SystemTool tool) => tool switch
    {
        SystemTool.Chromium => "chromium",
        SystemTool.TimeZoneData => "tzdata",
        _ => throw new ArgumentOutOfRangeException(nameof(tool)),
    };

    private static bool IsPresent(SystemTool tool) => tool switch
    {
        SystemTool.Chromium => File.Exists(ChromiumPath),
        SystemTool.TimeZoneData => TimeZoneInfo.TryFindSystemTimeZoneById("America/Los_Angeles", out _) && TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Kolkata", out _),
        _ => throw new ArgumentOutOfRangeException(nameof(tool)),
    };
}

/// <summary>A fact that is skipped, with the package to install, on a machine without <paramref name="tool"/>.</summary>
public sealed class FactNeedingAttribute : FactAttribute
{
    public FactNeedingAttribute(SystemTool tool)
    {
        Skip = SystemTools.SkipReason(tool);
    }
}

/// <summary>A theory that is skipped, with the package to install, on a machine without <paramref name="tool"/>.</summary>
public sealed class TheoryNeedingAttribute : TheoryAttribute
{
    public TheoryNeedingAttribute(SystemTool tool)
    {
        Skip = SystemTools.SkipReason(tool);
    }
}
