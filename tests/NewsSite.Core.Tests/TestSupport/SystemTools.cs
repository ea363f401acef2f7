namespace NewsSite.Tests.TestSupport;

/// <summary>A system package that some tests need beyond the .NET SDK.</summary>
public enum SystemTool
{
    /// <summary>Debian's Chromium, which the browser tests drive through Playwright.</summary>
    Chromium,

    /// <summary>The machine's time-zone database, which TZ needs to mean anything to a child process.</summary>
    TimeZoneData,

    /// <summary>s3rver from npm (tests/s3), a local S3-compatible server that the deploy tests start; it runs on Node.js.</summary>
    S3rver,
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
        SkipReason(IsPresent(tool), PackageOf(tool), Environment.GetEnvironmentVariable, InstallHintOf(tool));

    public static string? SkipReason(bool present, string package, Func<string, string?> environment, string? installHint = null) =>
        present || environment(RequireAllVariable) is "1" or "true"
            ? null
            : $"skipped: needs {installHint ?? $"Debian's {package} (apt-get install {package})"}; {RequireAllVariable}=1 makes this a failure";

    /// <summary>s3rver's command-line script in the repository's tests/s3/node_modules, or null when it is not installed.</summary>
    public static string? S3rverScript
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var script = Path.Combine(folder.FullName, "tests", "s3", "node_modules", "s3rver", "bin", "s3rver.js");
                if (File.Exists(script))
                {
                    return script;
                }
            }

            return null;
        }
    }

    /// <summary>Node.js on the PATH, or null.</summary>
    public static string? NodePath =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);

    private static string? InstallHintOf(SystemTool tool) => tool switch
    {
        SystemTool.S3rver => "Node.js (apt-get install nodejs npm) and s3rver from npm (cd tests/s3 && npm ci --ignore-scripts)",
        _ => null,
    };

    public static string PackageOf(SystemTool tool) => tool switch
    {
        SystemTool.Chromium => "chromium",
        SystemTool.TimeZoneData => "tzdata",
        SystemTool.S3rver => "s3rver",
        _ => throw new ArgumentOutOfRangeException(nameof(tool)),
    };

    private static bool IsPresent(SystemTool tool) => tool switch
    {
        SystemTool.Chromium => File.Exists(ChromiumPath),
        SystemTool.TimeZoneData => TimeZoneInfo.TryFindSystemTimeZoneById("America/Los_Angeles", out _) && TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Kolkata", out _),
        SystemTool.S3rver => S3rverScript is not null && NodePath is not null,
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
