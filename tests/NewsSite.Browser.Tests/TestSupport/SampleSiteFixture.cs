using Microsoft.Playwright;

namespace NewsSite.Browser.Tests;

/// <summary>
/// Builds the repository's sample site (site.yaml, content/, templates/) once, serves it on loopback and starts
/// Debian's Chromium through Playwright (never a downloaded browser). Without Chromium it does nothing: every test
/// that uses it is skipped then (see <see cref="SystemTools"/>), or, when all tests are required, fails here.
/// </summary>
public sealed class SampleSiteFixture : IAsyncLifetime
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "newssite-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private StaticSiteServer? _server;

    public IBrowser Browser { get; private set; } = null!;

    public StaticSiteServer Server => _server!;

    public static string RepositoryRoot
    {
        get
        {
            var folder = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(folder, "NewsSite.sln")))
            {
                folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("NewsSite.sln not found above the test folder");
            }

            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        if (SystemTools.SkipReason(SystemTool.Chromium) is not null)
        {
            return;
        }

        var result = SiteBuilder.Build(new BuildOptions
        {
            SourceRoot = RepositoryRoot,
            OutputRoot = Path.Combine(_output, "site"),
            Clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)),
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the sample site did not build:\n" + string.Join('\n', result.Diagnostics));
        }

        _server = new StaticSiteServer(Path.Combine(_output, "site"));
        var chromium = SystemTools.ChromiumPath;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"{chromium} is missing: apt-get install chromium (or set {SystemTools.ChromiumVariable} to where it is)");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    /// <summary>A fresh page that fails the test on any script error.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        var page = await Browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Dialog += async (_, dialog) =>
        {
            errors.Add("a dialog opened: " + dialog.Message);
            await dialog.DismissAsync();
        };
        return (page, errors);
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

[CollectionDefinition(Name)]
public sealed class SampleSiteInChromium : ICollectionFixture<SampleSiteFixture>
{
    public const string Name = "sample site in Chromium";
}
