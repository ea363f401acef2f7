using System.Diagnostics;
using NewsSite.Assets;
using NewsSite.Caching;
using NewsSite.Configuration;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.FrontMatter;
using NewsSite.Markdown;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Pictures;
using NewsSite.Routing;
using NewsSite.Templates;
using NewsSite.Time;

namespace NewsSite;

/// <summary>
/// The build, stage by stage: configuration and theme, content, front matter, model, bodies, then every output
/// (<see cref="SiteOutputs"/>) and the swap into place. Nothing is written to the output folder unless every stage
/// succeeded. What one build keeps for the next goes through one <see cref="BuildCache"/>.
/// </summary>
public sealed class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return Build(options, clock);
        }
        catch (Exception exception) when (Only<ContentChangedException>(exception, e => e.Path) is { } changed)
        {
            // Bodies are read back from their files when rendered; one that changed since makes this build stale.
            return Failed(Diagnostic.Error(DiagnosticCodes.UnreadableFile, changed.Message, SourceLocation.StartOf(changed.Path)), clock);
        }
        catch (Exception exception) when (Only<OutputWriteException>(exception, e => e.Path) is { } refused)
        {
            return Failed(Diagnostic.Error(DiagnosticCodes.OutputFailure, $"cannot write the output folder '{options.OutputRoot}': {refused.Message}", null), clock);
        }
    }

    private static BuildResult Build(BuildOptions options, Stopwatch clock)
    {
        var source = Path.GetFullPath(options.SourceRoot);
        if (Precondition(source, options) is { } problem)
        {
            return Failed(problem, clock);
        }

        // Held to the end: a second build into this folder would mix its files with ours.
        using var buildLock = options.DryRun ? null : BuildLock.TryTake(CacheFolder.Of(options.OutputRoot));
        if (buildLock is null && !options.DryRun)
        {
            return Failed(OutputInUse(options), clock);
        }

        var cacheOpened = new SideTask<BuildCache>(_ => BuildCache.Open(CacheFolder.Of(options.OutputRoot), read: options.Incremental, write: !options.DryRun));
        var diagnostics = new DiagnosticBag();
        var configRead = new SideTask<SiteConfig?>(found => SiteConfigReader.Read(source, found, options.BaseUrl));
        var templatesRead = new SideTask<TemplateSet?>(found => TemplateSet.Load(source, found));

        Report(options, "looking for changes");
        var lookedAt = DateTime.UtcNow;
        var files = ContentSource.Discover(source, diagnostics);
        var stamp = options.DryRun ? null : SourceStamp.Take(source, files, diagnostics.ToSortedList(), OptionsKey(source, options), lookedAt);
        using var cache = cacheOpened.Join(diagnostics);
        if (UpToDate(options, cache, stamp) is { } receipt)
        {
            configRead.Abandon();
            templatesRead.Abandon();
            return receipt.ToResult(clock.Elapsed);
        }

        Report(options, "reading site.yaml");
        var config = configRead.Join(diagnostics);
        if (config is null)
        {
            templatesRead.Abandon();
            return Failed(diagnostics, clock);
        }

        Report(options, "reading articles", files.Count(f => f.IsArticle));
        var loader = new ArticleLoader(new ArticleReader(config.TimeZone, options.Limits), options.Limits, config.TimeZone.Id);
        var loaded = loader.Load(files, diagnostics, cache, lookedAt - SourceFile.SettleTime);

        Report(options, "linking sections, topics, authors and related articles", loaded.Articles.Count);
        var media = ContentMedia.Select(files, config, diagnostics);
        var rules = new PublishingRules(config.TimeZone.InZone(options.Clock.GetUtcNow()), options.IncludeDrafts, options.IncludeFuture);
        var site = new SiteModelBuilder(config, rules, media.Routes, diagnostics, cache).Build(loaded.Articles);

        Report(options, "loading templates");
        var templates = templatesRead.Join(diagnostics);
        if (templates is null || diagnostics.HasErrors)
        {
            return Failed(diagnostics, clock, site);
        }

        Report(options, "opening the last build's state");
        using var output = OutputWriter.Begin(options.OutputRoot, cache);
        Report(options, "pictures", media.Files.Count);
        var pictures = PictureStage.Run(site, media.Files, output, diagnostics);

        Report(options, "summaries", site.Entries.Count);
        var settings = Settings(config, options);
        var markdown = new MarkdownRenderer(config.Markdown, options.Limits.RenderBudget);
        var bodies = BodyStage(site, markdown, pictures, settings, cache, diagnostics);
        var written = new SiteOutputs(site, templates, markdown, bodies, media, pictures, output, diagnostics, options).Write(settings);
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, clock, site);
        }

        var result = Succeeded(site, files, loaded, written, output, diagnostics, clock);
        if (!options.DryRun)
        {
            Report(options, "replacing the output folder");
            Commit(output, cache, stamp, result, site);
        }

        return result with { Elapsed = clock.Elapsed };
    }

    /// <summary>The body stage: every published article's summary, and bodies rendered with their pictures in place.</summary>
    private static ArticleBodies BodyStage(SiteModel site, MarkdownRenderer markdown, PictureCatalog pictures, Hash128 settings, IBuildCache cache, DiagnosticBag diagnostics)
    {
        var config = site.Config;
        var bodyPictures = new BodyPictures(pictures, new SiteUrls(config.BaseUrl));
        var bodies = new ArticleBodies(markdown, config.Ads.Enabled ? config.Ads.AfterParagraph : 0, settings, cache, diagnostics, bodyPictures.Rewrite);
        bodies.Prepare([.. site.Entries.Select(e => e.Article)]);
        return bodies;
    }

    /// <summary>The swap into place, then the receipt and the cache the next build starts from.</summary>
    private static void Commit(OutputWriter output, BuildCache cache, SourceStamp? stamp, BuildResult result, SiteModel site)
    {
        output.Commit();
        KeepReceipt(cache, stamp, result, output, site);
        cache.Save(buildFailed: false);
    }

    /// <summary>The build's "now" out of range, or an output folder a build must not write into.</summary>
    private static Diagnostic? Precondition(string source, BuildOptions options) =>
        !SiteTimeZone.InRange(options.Clock.GetUtcNow())
            ? Diagnostic.Error(DiagnosticCodes.InvalidDate, $"the build's \"now\" must fall {SiteTimeZone.RangeText}", null)
            : OutputFolderCheck.Problem(source, options.OutputRoot, options.Force || options.DryRun);

    private static Diagnostic OutputInUse(BuildOptions options) => Diagnostic.Error(
        DiagnosticCodes.OutputInUse,
        $"another build is writing the output folder '{options.OutputRoot}' (from another terminal or CI job); wait for it to finish, or choose another --output",
        null);

    /// <summary>The last build's receipt, when it vouches for the output as it is for these inputs at this "now".</summary>
    private static BuildReceipt? UpToDate(BuildOptions options, IBuildCache cache, SourceStamp? stamp) =>
        stamp is { Settled: true } && options.Incremental
        && BuildReceipt.Find(cache, stamp.Hash) is { } receipt
        && receipt.Covers(options.Clock.GetUtcNow(), Path.GetFullPath(options.OutputRoot))
            ? receipt
            : null;

    private static void KeepReceipt(IBuildCache cache, SourceStamp? stamp, BuildResult result, OutputWriter output, SiteModel site)
    {
        if (stamp is { Settled: true })
        {
            BuildReceipt.Keep(cache, stamp.Hash, result, OutputDigest.Of(output.OutputRoot), site.Now, Schedule.OutputLifetime.End(site));
        }
    }

    /// <summary>
    /// The options that change what a build writes, for the stamp of its inputs; "now" is not among them, the receipt
    /// keeps the interval of it over which the output stays right. The site folder is: the stamp reads only file names,
    /// sizes and times, which another copy of the site can share.
    /// </summary>
    private static string OptionsKey(string source, BuildOptions options) => string.Join(
        '\n', source, options.BaseUrl ?? "", options.IncludeDrafts, options.IncludeFuture, options.CheckLinks, options.Limits);

    /// <summary>site.yaml and the options that change what pages say: part of every page's and body's key.</summary>
    private static Hash128 Settings(SiteConfig config, BuildOptions options) => new ContentHash.Builder()
        .Add(config.SourceHash)
        .Add(options.BaseUrl)
        .Add(options.Clock.GetUtcNow().Year)
        .Add(options.IncludeDrafts ? "drafts" : "")
        .Add(options.IncludeFuture ? "future" : "")
        .Add(options.Limits.ToString())
        .Finish();

    private static void Report(BuildOptions options, string stage, int? count = null) => options.Progress?.Report(new BuildStage(stage, count ?? 0));

    private static BuildResult Succeeded(SiteModel site, IReadOnlyList<SourceFile> files, LoadedArticles loaded, SiteOutputs.Counts written, OutputWriter output, DiagnosticBag diagnostics, Stopwatch clock) => new()
    {
        Diagnostics = diagnostics.ToSortedList(),
        Articles = site.Entries.Count,
        ArticleFiles = files.Count(f => f.IsArticle),
        ArticlesRead = loaded.Read,
        PicturesProcessed = written.PicturesProcessed,
        Pages = written.Pages,
        PagesRendered = written.PagesRendered,
        Files = output.FileCount,
        FilesWritten = output.ChangedFiles,
        Feeds = output.WrittenFiles.Count(FeedFiles.IsFeed),
        Elapsed = clock.Elapsed,
        NextChange = site.NextChange,
        NextScheduledChange = site.Upcoming is [var next, ..] ? UpcomingChange.Of(next) : null,
    };

    private static BuildResult Failed(Diagnostic diagnostic, Stopwatch clock)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.Add(diagnostic);
        return Failed(diagnostics, clock);
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, Stopwatch clock, SiteModel? site = null) => new()
    {
        Diagnostics = diagnostics.ToSortedList(),
        Articles = site?.Entries.Count ?? 0,
        Elapsed = clock.Elapsed,
        NextChange = site?.NextChange,
        NextScheduledChange = site?.Upcoming is [var next, ..] ? UpcomingChange.Of(next) : null,
    };

    /// <summary>The exception, or the first of its kind (by path) when every one of many is of that kind.</summary>
    private static T? Only<T>(Exception exception, Func<T, string> path)
        where T : Exception => exception switch
    {
        T one => one,
        AggregateException many when many.Flatten().InnerExceptions.All(e => e is T) =>
            many.Flatten().InnerExceptions.OfType<T>().MinBy(path, StringComparer.Ordinal),
        _ => null,
    };
}
