using NewsSite.Assets;
using NewsSite.Caching;
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
using NewsSite.Search;
using NewsSite.Seo;
using NewsSite.Sitemaps;
using NewsSite.Templates;

namespace NewsSite;

/// <summary>
/// Everything a built model is published as, in order: article pages, list pages, feeds and sitemaps, the search
/// index, the files copied as they are, then the link check. It also decides how those stages share memory: the
/// index is built beside the lists and feeds on a site small enough for the two to fit together, and a large
/// site's heap is compacted between the stages and before the output is swapped in (<see cref="StageMemory"/>).
/// </summary>
internal sealed class SiteOutputs(
    SiteModel site, TemplateSet templates, MarkdownRenderer markdown, ArticleBodies bodies, ContentMedia media, PictureCatalog pictures, OutputWriter output, DiagnosticBag diagnostics, BuildOptions options)
{
    /// <param name="Pages">Pages written or kept.</param>
    /// <param name="PagesRendered">Pages rendered (not kept from the previous output).</param>
    /// <param name="PicturesProcessed">Pictures decoded and encoded (not kept from the previous output).</param>
    public sealed record Counts(int Pages, int PagesRendered, int PicturesProcessed);

    /// <param name="settings">site.yaml and the build options: part of every page's and feed's fingerprint.</param>
    public Counts Write(Hash128 settings)
    {
        var themeAssets = new ThemeAssets(templates);
        var memory = StageMemory.ForSite(site.Entries.Count);
        var (search, indexing, pageCount, rendered) = WritePages(settings, themeAssets, memory);
        memory.StageEnded();
        WriteIndex(search, indexing, memory);
        memory.StageEnded();
        Report("copying files", media.Files.Count);
        CopyFiles(themeAssets);
        CheckLinks();
        return new Counts(pageCount, rendered, pictures.Processed);
    }

    /// <summary>
    /// Article pages, lists, feeds and sitemaps. The views and page writers live only here, so a large site's index
    /// is built without them in memory.
    /// </summary>
    private (SiteSearch? Search, SideTask<int>? Indexing, int Pages, int Rendered) WritePages(Hash128 settings, ThemeAssets themeAssets, StageMemory memory)
    {
        var urls = new SiteUrls(site.Config.BaseUrl);
        var views = new ViewFactory(site, urls, markdown, bodies, pictures);
        var pageKey = new ContentHash.Builder().Add(settings).Add(templates.Fingerprint).Add(pictures.Fingerprint).Finish();
        var renderer = new PageRenderer(templates, options.Limits.RenderBudget);
        var pages = new SitePages(site, views, new HeadBuilder(views, markdown), renderer, templates, output, diagnostics, pageKey, themeAssets);
        var search = SiteSearch.Begin(site, views, markdown, output.Cache, diagnostics);

        Report("writing pages", site.Entries.Count);
        var pageCount = pages.WriteArticles((entry, body) =>
        {
            bodies.Observe(entry.Article, body);
            search?.Observe(entry, body);
        });
        bodies.Finish();
        memory.StageEnded();

        // The index needs only what the article pages gave it, and building it is one thread's work.
        var indexing = search is not null && memory.StagesMayOverlap ? new SideTask<int>(_ => search.Write(output, memory)) : null;
        try
        {
            pageCount += pages.WriteLists();
            renderer.ForgetTeaserCards();
            memory.StageEnded();
            Report("feeds and sitemaps", site.Entries.Count);
            WriteFeedsAndSitemaps(urls, pages, settings);
        }
        catch
        {
            indexing?.Abandon();
            throw;
        }

        return (search, indexing, pageCount, pages.Rendered);
    }

    private void WriteIndex(SiteSearch? search, SideTask<int>? indexing, StageMemory memory)
    {
        if (search is null)
        {
            return;
        }

        Report(indexing is null ? "search index" : "search index (the rest of it)", site.Entries.Count);
        if (indexing is null)
        {
            search.Write(output, memory);
        }
        else
        {
            indexing.Join(diagnostics);
        }
    }

    /// <summary>Feeds, sitemaps and robots.txt; they come before the copied files so a colliding file is the one reported.</summary>
    private void WriteFeedsAndSitemaps(SiteUrls urls, SitePages pages, Hash128 settings)
    {
        // A picture's published file is its cleaned copy, already written: feeds give its length.
        var assetFiles = media.Files.ToDictionary(
            ContentMedia.RouteOf,
            f => pictures.Handles(f.RelativePath) ? Path.Combine(output.StagingRoot, ContentMedia.RouteOf(f)[1..]) : f.FullPath,
            StringComparer.Ordinal);
        var fingerprints = new FeedFingerprints(settings, site.Config.Feeds.FullContent);
        new SiteFeeds(site, urls, new FeedItemFactory(site.Config, urls, assetFiles, bodies), fingerprints).Write(output, diagnostics);
        var ownRobots = assetFiles.ContainsKey("/" + CrawlerFiles.RobotsFileName);
        new CrawlerFiles(site, urls).Write(pages.IndexableRoutes, ownRobots, output, diagnostics);
    }

    private void CopyFiles(ThemeAssets themeAssets)
    {
        foreach (var (name, file) in themeAssets.Files)
        {
            if (!output.TryWrite(name, file.Bytes))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"theme file {name} collides with another output file", SourceLocation.StartOf(file.DisplayPath)));
            }
        }

        foreach (var asset in media.Files.Where(f => !pictures.Handles(f.RelativePath)))
        {
            var relative = ContentMedia.RouteOf(asset)[1..];
            if ((media.Rewritten.GetValueOrDefault(asset.RelativePath) ?? ReadMedia(asset)) is not { } bytes)
            {
                continue;
            }

            if (!output.TryWrite(relative, bytes))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"{asset.RelativePath} would overwrite a generated page at /{relative}", SourceLocation.StartOf(asset.RelativePath)));
            }
        }
    }

    private byte[]? ReadMedia(SourceFile asset)
    {
        var (bytes, unreadable) = RegularFile.ReadOrProblem(asset.FullPath, asset.RelativePath, ContentMedia.MaxFileBytes);
        if (unreadable is not null)
        {
            diagnostics.Add(unreadable);
        }

        return bytes;
    }

    /// <summary>Runs after everything else is written: a link is good only if its target is in the output.</summary>
    private void CheckLinks()
    {
        if (options.CheckLinks && !diagnostics.HasErrors)
        {
            Report("checking links", output.FileCount);
            diagnostics.AddRange(new LinkChecker(site.Config.BaseUrl).Check(output.StagingRoot, output.WrittenFiles));
        }
    }

    private void Report(string stage, int? count = null) => options.Progress?.Report(new BuildStage(stage, count ?? 0));
}
