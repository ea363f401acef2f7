using System.Diagnostics;
using NewsSite.Assets;
using NewsSite.Configuration;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.Feeds;
using NewsSite.FrontMatter;
using NewsSite.Links;
using NewsSite.Markdown;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Pages;
using NewsSite.Pictures;
using NewsSite.Routing;
using NewsSite.Schedule;
using NewsSite.Search;
using NewsSite.Seo;
using NewsSite.Sitemaps;
using NewsSite.Templates;
using NewsSite.Time;

namespace NewsSite;

/// <summary>
/// The build, stage by stage: configuration, content, model, bodies, pages, assets, then the swap into place.
/// Nothing is written to the output folder unless every stage succeeded.
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
        catch (Exception exception) when (ChangedContent(exception) is { } changed)
        {
            // Bodies are read back from their files when rendered; one that changed since makes this build stale.
            var diagnostics = new DiagnosticBag();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, changed.Message, SourceLocation.StartOf(changed.Path)));
            return Failed(diagnostics, clock);
        }
        catch (Exception exception) when (Refused(exception) is { } refused)
        {
            var diagnostics = new DiagnosticBag();
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputFailure, $"cannot write the output folder '{options.OutputRoot}': {refused.Message}", null));
            return Failed(diagnostics, clock);
        }
    }

    private static OutputWriteException? Refused(Exception exception) => exception switch
    {
        OutputWriteException refused => refused,
        AggregateException many when many.Flatten().InnerExceptions.All(e => e is OutputWriteException) =>
            many.Flatten().InnerExceptions.OfType<OutputWriteException>().MinBy(e => e.Path, StringComparer.Ordinal),
        _ => null,
    };

    private static ContentChangedException? ChangedContent(Exception exception) => exception switch
    {
        ContentChangedException changed => changed,
        AggregateException many when many.Flatten().InnerExceptions.All(e => e is ContentChangedException) =>
            many.Flatten().InnerExceptions.OfType<ContentChangedException>().MinBy(e => e.Path, StringComparer.Ordinal),
        _ => null,
    };

    private static BuildResult Build(BuildOptions options, Stopwatch clock)
    {
        var diagnostics = new DiagnosticBag();
        var source = Path.GetFullPath(options.SourceRoot);

        if (!SiteTimeZone.InRange(options.Clock.GetUtcNow()))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidDate, $"the build's \"now\" must fall {SiteTimeZone.RangeText}", null));
            return Failed(diagnostics, clock);
        }

        if (OutputFolderCheck.Problem(source, options.OutputRoot, options.Force || options.DryRun) is { } problem)
        {
            diagnostics.Add(problem);
            return Failed(diagnostics, clock);
        }

        // Held to the end, receipt included: a second build into this folder would mix its files with ours.
        using var buildLock = options.DryRun ? null : BuildLock.TryTake(OutputWriter.CacheRootOf(options.OutputRoot));
        if (buildLock is null && !options.DryRun)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.OutputInUse,
                $"another build is writing the output folder '{options.OutputRoot}' (from another terminal or CI job); wait for it to finish, or choose another --output",
                null));
            return Failed(diagnostics, clock);
        }

        // site.yaml and the theme do not depend on the content: they are read while the content folder is listed.
        var configRead = new SideTask<SiteConfig?>(found => SiteConfigReader.Read(source, found, options.BaseUrl));
        var templatesRead = new SideTask<TemplateSet?>(found => TemplateSet.Load(source, found));

        options.Progress?.Report(new BuildStage("looking for changes"));
        var lookedAt = DateTime.UtcNow;
        var files = ContentSource.Discover(source, diagnostics);
        // So far the build's diagnostics are what listing content/ left out (the side tasks keep theirs until joined).
        var stamp = options.DryRun ? null : SourceStamp.Take(source, files, diagnostics.ToSortedList(), OptionsKey(source, options), lookedAt);
        var cacheRoot = OutputWriter.CacheRootOf(options.OutputRoot);
        if (stamp is { Settled: true } && options.Incremental
            && BuildReceipt.Load(cacheRoot) is { } receipt
            && receipt.Covers(stamp.Hash, options.Clock.GetUtcNow(), Path.GetFullPath(options.OutputRoot)))
        {
            configRead.Abandon();
            templatesRead.Abandon();
            return receipt.ToResult(clock.Elapsed);
        }

        options.Progress?.Report(new BuildStage("reading site.yaml"));
        var config = configRead.Join(diagnostics);
        if (config is null)
        {
            templatesRead.Abandon();
            return Failed(diagnostics, clock);
        }

        options.Progress?.Report(new BuildStage("reading articles", files.Count(f => f.IsArticle)));
        var reader = new ArticleReader(config.TimeZone, options.Limits);
        var articleCache = Path.Combine(cacheRoot, ArticleCache.FileName);
        var articleCacheKey = string.Join('\n', OutputState.ToolIdentity, source, config.TimeZone.Id, options.Limits);
        var cachedArticles = options.Incremental ? ArticleCache.Load(articleCache, articleCacheKey) : ArticleCache.Empty;
        var loaded = new ArticleLoader(reader, options.Limits).Load(files, diagnostics, cachedArticles);
        var articles = loaded.Articles;
        if (!options.DryRun)
        {
            ArticleCache.Save(articleCache, articleCacheKey, loaded.Entries, lookedAt - SourceStamp.SettleTime, readBack: cachedArticles);
        }

        var now = config.TimeZone.InZone(options.Clock.GetUtcNow());
        var rules = new PublishingRules(now, options.IncludeDrafts, options.IncludeFuture);
        options.Progress?.Report(new BuildStage("linking sections, topics, authors and related articles", articles.Count));
        var media = ContentMedia.Select(files, config, diagnostics);
        var assets = media.Files;
        var assetRoutes = assets.Select(AssetRoute).ToHashSet(StringComparer.Ordinal);
        var related = new RelatedArticleCache(Path.Combine(cacheRoot, RelatedArticleCache.FileName), read: options.Incremental, write: !options.DryRun);
        var site = new SiteModelBuilder(config, rules, assetRoutes, diagnostics, related).Build(articles);

        options.Progress?.Report(new BuildStage("loading templates"));
        var templates = templatesRead.Join(diagnostics);
        if (templates is null || diagnostics.HasErrors)
        {
            return Failed(diagnostics, clock, site);
        }

        var markdown = new MarkdownRenderer(config.Markdown, options.Limits.RenderBudget);
        var cut = config.Ads.Enabled ? config.Ads.AfterParagraph : 0;
        foreach (var entry in site.Entries)
        {
            entry.BodyRenderer = e => markdown.RenderBody(e.Article.Body, e.Article.Dateline, cut, new SourceLocation(e.Article.SourcePath, e.Article.BodyLine, 1));
        }

        var urls = new SiteUrls(config);
        if (!options.DryRun)
        {
            BuildReceipt.Remove(cacheRoot);
        }

        options.Progress?.Report(new BuildStage("opening the last build's state"));
        var output = OutputWriter.Begin(options.OutputRoot, incremental: options.Incremental && !options.DryRun);
        using (output)
        {
            options.Progress?.Report(new BuildStage("pictures", media.Files.Count));
            var pictures = PictureStage.Run(site, media.Files, output, diagnostics);
            new BodyPictures(pictures, urls).Attach(site.Entries);

            options.Progress?.Report(new BuildStage("summaries", site.Entries.Count));
            var configKey = ConfigKey(source, options);
            var bodies = new ArticleBodies(markdown, configKey, output, diagnostics);
            bodies.Prepare(site);

            var views = new ViewFactory(site, urls, markdown, pictures);
            var themeAssets = new ThemeAssets(templates);
            var globalKey = new ContentHash.Builder()
                .Add(OutputState.ToolIdentity).Add(configKey).Add(templates.Fingerprint)
                .Add(options.IncludeDrafts ? "drafts" : "").Add(options.IncludeFuture ? "future" : "").Add(options.Limits.ToString())
                .Add(pictures.Fingerprint)
                .Finish();
            var renderer = new PageRenderer(templates);
            var pages = new SitePages(site, views, new HeadBuilder(views, markdown), renderer, templates, output, diagnostics, globalKey, themeAssets);
            var search = SiteSearch.Begin(site, views, markdown, output, diagnostics);
            var memory = StageMemory.ForSite(site.Entries.Count);
            options.Progress?.Report(new BuildStage("writing pages", site.Entries.Count));
            var pageCount = pages.WriteArticles((entry, body) =>
            {
                bodies.Observe(entry, body);
                search?.Observe(entry, body);
            });
            bodies.Finish();
            loaded.Bodies.Release();
            memory.StageEnded();

            // The index needs only what the article pages gave it, and building it is one thread's work: on a
            // site small enough for the two to share memory, it is built beside the lists and feeds, which leave
            // a core idle much of the time.
            var indexing = search is not null && memory.StagesMayOverlap ? new SideTask<int>(_ => search.Write(output)) : null;
            try
            {
                pageCount += pages.WriteLists();
                renderer.ForgetTeaserCards();
                memory.StageEnded();
                var feedKey = new ContentHash.Builder().Add(OutputState.ToolIdentity).Add(configKey).Finish();

                // From the threshold on, the index waits for the feeds: side by side, their working sets pushed
                // a 100,000-article build past 1 GiB.
                options.Progress?.Report(new BuildStage("feeds and sitemaps", site.Entries.Count));
                WriteFeedsAndSitemaps(site, urls, assets, pictures, pages, output, feedKey, diagnostics);
                memory.StageEnded();
            }
            catch
            {
                indexing?.Abandon();
                throw;
            }

            if (search is not null)
            {
                options.Progress?.Report(new BuildStage(indexing is null ? "search index" : "search index (the rest of it)", site.Entries.Count));
                if (indexing is null)
                {
                    search.Write(output);
                }
                else
                {
                    indexing.Join(diagnostics);
                }
            }

            options.Progress?.Report(new BuildStage("copying files", assets.Count));
            CopyAssets(media, pictures, themeAssets, output, diagnostics);

            // Runs after everything else is written: a link is good only if its target is in the output.
            if (options.CheckLinks && !diagnostics.HasErrors)
            {
                options.Progress?.Report(new BuildStage("checking links", output.FileCount));
                diagnostics.AddRange(new LinkChecker(config.BaseUrl).Check(output.StagingRoot, output.WrittenFiles));
            }

            if (diagnostics.HasErrors)
            {
                return Failed(diagnostics, clock, site);
            }

            var result = new BuildResult
            {
                Diagnostics = diagnostics.ToSortedList(),
                Articles = site.Entries.Count,
                ArticleFiles = files.Count(f => f.IsArticle),
                ArticlesRead = loaded.Read,
                Pages = pageCount,
                PagesRendered = pages.Rendered,
                PicturesProcessed = pictures.Processed,
                Files = output.FileCount,
                FilesWritten = output.ChangedFiles,
                Feeds = output.WrittenFiles.Count(FeedFiles.IsFeed),
                Elapsed = clock.Elapsed,
                NextChange = site.NextChange,
                NextScheduledChange = site.Upcoming is [var next, ..] ? UpcomingChange.Of(next) : null,
            };

            if (!options.DryRun)
            {
                options.Progress?.Report(new BuildStage("replacing the output folder"));
                output.Commit();
                if (stamp is { Settled: true })
                {
                    BuildReceipt.For(result, stamp.Hash, OutputDigest.Of(output.OutputRoot), site.Now, OutputLifetime.End(site)).Save(output.CacheRoot);
                }
            }

            return result with { Elapsed = clock.Elapsed };
        }
    }

    /// <summary>
    /// The options that change what a build writes, for the stamp of its inputs; "now" is not among them, the receipt
    /// keeps the interval of it over which the output stays right. The site folder is: the stamp reads only file names,
    /// sizes and times, which another copy of the site can share.
    /// </summary>
    private static string OptionsKey(string source, BuildOptions options) => string.Join(
        '\n', source, options.BaseUrl ?? "", options.IncludeDrafts, options.IncludeFuture, options.CheckLinks, options.Limits);

    /// <summary>site.yaml and the options that change what pages say: part of every page's fingerprint.</summary>
    private static string ConfigKey(string source, BuildOptions options) => new ContentHash.Builder()
        .Add(ContentHash.Of(File.ReadAllBytes(Path.Combine(source, SiteConfigReader.FileName))))
        .Add(options.BaseUrl)
        .Add(options.Clock.GetUtcNow().Year)
        .Finish();

    /// <summary>Feeds, sitemaps and robots.txt; they come before the assets so a colliding asset is the one reported.</summary>
    /// <param name="feedKey">What every feed is made from besides its items: the tool and the configuration.</param>
    private static void WriteFeedsAndSitemaps(SiteModel site, SiteUrls urls, IReadOnlyList<SourceFile> assets, PictureCatalog pictures, SitePages pages, OutputWriter output, string feedKey, DiagnosticBag diagnostics)
    {
        // A picture's published file is its cleaned copy, already written: feeds give its length.
        var assetFiles = assets.ToDictionary(AssetRoute, a => pictures.Handles(a.RelativePath) ? Path.Combine(output.StagingRoot, AssetRoute(a)[1..]) : a.FullPath, StringComparer.Ordinal);
        var fingerprints = new FeedFingerprints(feedKey, site.Config.Feeds.FullContent);
        new SiteFeeds(site, urls, new FeedItemFactory(site.Config, urls, assetFiles), fingerprints).Write(output, diagnostics);
        var ownRobots = assetFiles.ContainsKey("/" + CrawlerFiles.RobotsFileName);
        new CrawlerFiles(site, urls).Write(pages.IndexableRoutes, ownRobots, output, diagnostics);
    }

    private static void CopyAssets(ContentMedia media, PictureCatalog pictures, ThemeAssets themeAssets, OutputWriter output, DiagnosticBag diagnostics)
    {
        foreach (var (name, file) in themeAssets.Files)
        {
            if (!output.TryWrite(name, file.Read()))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"theme file {name} collides with another output file", SourceLocation.StartOf(file.DisplayPath)));
            }
        }

        foreach (var asset in media.Files.Where(f => !pictures.Handles(f.RelativePath)))
        {
            var relative = AssetRoute(asset)[1..];
            var written = media.Rewritten.TryGetValue(asset.RelativePath, out var bytes) ? output.TryWrite(relative, bytes) : output.TryCopy(relative, asset.FullPath);
            if (!written)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"{asset.RelativePath} would overwrite a generated page at /{relative}", SourceLocation.StartOf(asset.RelativePath)));
            }
        }
    }

    /// <summary><c>content/media/x.jpg</c> is published at <c>/media/x.jpg</c>.</summary>
    private static string AssetRoute(SourceFile file) => file.RelativePath[ContentSource.FolderName.Length..];

    private static BuildResult Failed(DiagnosticBag diagnostics, Stopwatch clock, SiteModel? site = null) => new()
    {
        Diagnostics = diagnostics.ToSortedList(),
        Articles = site?.Entries.Count ?? 0,
        Elapsed = clock.Elapsed,
        NextChange = site?.NextChange,
        NextScheduledChange = site?.Upcoming is [var next, ..] ? UpcomingChange.Of(next) : null,
    };
}
