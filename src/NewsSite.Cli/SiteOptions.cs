using System.CommandLine;

namespace NewsSite.Cli;

/// <summary>The options that say which site to build and how, shared by build, check and serve.</summary>
internal sealed class SiteOptions
{
    /// <param name="previewDefaults">serve shows drafts and future articles unless told otherwise.</param>
    public SiteOptions(bool previewDefaults = false)
    {
        Drafts = new Option<bool>("--drafts")
        {
            Description = previewDefaults ? "Include articles marked draft: true (--drafts false to hide them)" : "Include articles marked draft: true",
            DefaultValueFactory = _ => previewDefaults,
        };
        Future = new Option<bool>("--future")
        {
            Description = previewDefaults ? "Include articles dated in the future (--future false to hide them)" : "Include articles dated in the future",
            DefaultValueFactory = _ => previewDefaults,
        };
    }

    public Option<string> Source { get; } = new("--source", "-s") { Description = "The site folder (site.yaml, content/, templates/)", DefaultValueFactory = _ => "." };

    public Option<bool> Drafts { get; }

    public Option<bool> Future { get; }

    public Option<string?> Now { get; } = new("--now") { Description = "Build as if it were this time (ISO 8601; without an offset, UTC); SOURCE_DATE_EPOCH works too" };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "Override site.yaml's base_url, e.g. for preview deployments" };

    public void AddTo(Command command, bool withBaseUrl = true)
    {
        command.Options.Add(Source);
        command.Options.Add(Drafts);
        command.Options.Add(Future);
        command.Options.Add(Now);
        if (withBaseUrl)
        {
            command.Options.Add(BaseUrl);
        }
    }

    /// <summary>The build options for this command line, or an error message (a usage error, exit 2).</summary>
    public (BuildOptions? Options, string? Error) Resolve(ParseResult parse, Terminal terminal, Func<string, string> outputRoot)
    {
        var (clock, nowError) = NowOption.Resolve(parse.GetValue(Now), terminal);
        if (clock is null)
        {
            return (null, nowError);
        }

        var sourceRoot = parse.GetValue(Source)!;
        if (!Directory.Exists(sourceRoot))
        {
            return (null, sourceRoot.Length > 0 && new FileInfo(sourceRoot).LinkTarget is not null
                ? $"the site folder '{sourceRoot}' is a symbolic link that leads to no folder (a loop, or a missing target)"
                : $"the site folder '{sourceRoot}' does not exist");
        }

        return (new BuildOptions
        {
            SourceRoot = sourceRoot,
            OutputRoot = outputRoot(sourceRoot),
            IncludeDrafts = parse.GetValue(Drafts),
            IncludeFuture = parse.GetValue(Future),
            BaseUrl = parse.GetValue(BaseUrl),
            Clock = clock,
        }, null);
    }
}
