using System.Diagnostics;
using NewsSite.Configuration;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.FrontMatter;
using NewsSite.Markdown;
using NewsSite.Model;
using NewsSite.Output;
using NewsSite.Pages;
using NewsSite.Routing;
using NewsSite.Seo;
using NewsSite.Templates;

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
        var diagnostics = new DiagnosticBag();
        var source = Path.GetFullPath(options.SourceRoot);

        var config = SiteConfigReader.Read(source, diagnostics, options.BaseUrl);
        if (config is null || !OutputFolderIsSafe(source, options.OutputRoot, diagnostics))
        {
            return Failed(diagnostics, clock);
        }

        var files = ContentSource.Discover(source, diagnostics);
        var reader = new ArticleReader(config.TimeZone, ArticleLimits.Default);
        var articles = new ArticleLoader(reader, ArticleLimits.Default).Load(files, diagnostics);

        var now = config.TimeZone.InZone(options.Clock.GetUtcNow());
        var rules = new PublishingRules(now, options.IncludeDrafts, options.IncludeFuture);
        var assets = files.Where(f => !f.IsArticle).ToList();
        var assetRoutes = assets.Select(AssetRoute).ToHashSet(StringComparer.Ordinal);
        var site = new SiteModelBuilder(config, rules, assetRoutes, diagnostics).Build(articles);

        var templates = TemplateSet.Load(source, diagnostics);
        if (templates is null || diagnostics.HasErrors)
        {
            return Failed(diagnostics, clock, site);
        }

        var markdown = new MarkdownRenderer(config.Markdown);
        RenderBodies(site, markdown, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, clock, site);
        }

        var urls = new SiteUrls(config);
        var views = new ViewFactory(site, urls, markdown, new Dictionary<string, (int, int)>());
        var output = OutputWriter.Begin(options.OutputRoot);
        using (output)
        {
            var pages = new SitePages(site, views, new HeadBuilder(views, markdown), new PageRenderer(templates), templates, output, diagnostics);
            var pageCount = pages.WriteArticles() + pages.WriteLists();
            CopyAssets(assets, templates, output, diagnostics);

            if (diagnostics.HasErrors)
            {
                return Failed(diagnostics, clock, site);
            }

            if (!options.DryRun)
            {
                output.Commit();
            }

            return new BuildResult
            {
                Diagnostics = diagnostics.ToSortedList(),
                Articles = site.Entries.Count,
                Pages = pageCount,
                Files = output.FileCount,
                Elapsed = clock.Elapsed,
                NextChange = site.NextChange,
            };
        }
    }

    private static void RenderBodies(SiteModel site, MarkdownRenderer markdown, DiagnosticBag diagnostics)
    {
        var cut = site.Config.Ads.Enabled ? site.Config.Ads.AfterParagraph : 0;
        Parallel.ForEach(site.Entries, entry =>
        {
            var article = entry.Article;
            var body = markdown.RenderBody(article.Body, article.Dateline, cut, new SourceLocation(article.SourcePath, article.BodyLine, 1));
            entry.Body = body;
            entry.Summary = article.Summary ?? Summaries.Cut(body.FirstParagraph);
            diagnostics.AddRange(body.Diagnostics);
            diagnostics.AddRange(article.KeyPoints.Select(k => (k.Text, k.Location)).Concat(article.Corrections.Select(c => (c.Text, c.Location)))
                .SelectMany(snippet => markdown.CheckInline(snippet.Text, snippet.Location ?? SourceLocation.StartOf(article.SourcePath))));
        });
    }

    private static void CopyAssets(IReadOnlyList<SourceFile> assets, TemplateSet templates, OutputWriter output, DiagnosticBag diagnostics)
    {
        foreach (var (name, file) in templates.Assets)
        {
            if (name.StartsWith("assets/", StringComparison.Ordinal) && !output.TryWrite(name, file.Read()))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"theme file {name} collides with another output file", SourceLocation.StartOf(file.DisplayPath)));
            }
        }

        foreach (var asset in assets)
        {
            var relative = AssetRoute(asset)[1..];
            if (!output.TryCopy(relative, asset.FullPath))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateUrl, $"{asset.RelativePath} would overwrite a generated page at /{relative}", SourceLocation.StartOf(asset.RelativePath)));
            }
        }
    }

    /// <summary><c>content/media/x.jpg</c> is published at <c>/media/x.jpg</c>.</summary>
    private static string AssetRoute(SourceFile file) => file.RelativePath[ContentSource.FolderName.Length..];

    /// <summary>The swap replaces the output folder whole, so it must never be the site itself or hold it.</summary>
    private static bool OutputFolderIsSafe(string source, string outputRoot, DiagnosticBag diagnostics)
    {
        var output = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        var sourceWithSlash = source.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var outputWithSlash = output + Path.DirectorySeparatorChar;
        var unsafeOutput = sourceWithSlash.StartsWith(outputWithSlash, StringComparison.Ordinal)
            || outputWithSlash.StartsWith(Path.Combine(source, ContentSource.FolderName) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || outputWithSlash.StartsWith(Path.Combine(source, TemplateSet.FolderName) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.GetDirectoryName(output) is null;
        if (unsafeOutput)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.OutputFailure, $"the output folder '{outputRoot}' would replace the site's own files; choose a folder such as _site", null));
            return false;
        }

        return true;
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, Stopwatch clock, SiteModel? site = null) => new()
    {
        Diagnostics = diagnostics.ToSortedList(),
        Articles = site?.Entries.Count ?? 0,
        Elapsed = clock.Elapsed,
        NextChange = site?.NextChange,
    };
}
