using System.CommandLine;
using NewsSite.Cli.New;
using NewsSite.Configuration;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.FrontMatter;
using NewsSite.Routing;

namespace NewsSite.Cli;

/// <summary><c>newssite new "Headline"</c>: a draft article from the archetype, never over an existing file.</summary>
internal static class NewCommand
{
    public static Command Create(Terminal terminal)
    {
        var headline = new Argument<string>("headline") { Description = "The article's headline; the file name is made from it" };
        var section = new Option<string?>("--section") { Description = "The section folder under content/ (default: the first section in site.yaml)" };
        var source = new Option<string>("--source", "-s") { Description = "The site folder (site.yaml, content/)", DefaultValueFactory = _ => "." };

        var command = new Command("new", "Write a new draft article and print its path") { headline, section, source };
        command.SetAction(parse =>
        {
            var sourceRoot = parse.GetValue(source)!;
            if (!Directory.Exists(sourceRoot))
            {
                terminal.Error.WriteLine($"error: the site folder '{sourceRoot}' does not exist");
                return ExitCodes.Usage;
            }

            var diagnostics = new DiagnosticBag();
            var config = SiteConfigReader.Read(Path.GetFullPath(sourceRoot), diagnostics);
            new DiagnosticPrinter(terminal).Print(diagnostics.ToSortedList());
            if (config is null || diagnostics.HasErrors)
            {
                return ExitCodes.ContentErrors;
            }

            var title = parse.GetValue(headline)!.Trim();
            var slug = ArticleArchetype.Shorten(Slugifier.Slugify(title));
            if (slug.Length == 0)
            {
                terminal.Error.WriteLine($"error: the headline '{title}' gives no file name; use letters or digits");
                return ExitCodes.Usage;
            }

            var sectionSlug = parse.GetValue(section) ?? (config.Sections.Count > 0 ? config.Sections[0].Slug : null);
            if (sectionSlug is null)
            {
                terminal.Error.WriteLine("error: site.yaml lists no sections; say which with --section");
                return ExitCodes.Usage;
            }

            if (!Slugifier.IsSlug(sectionSlug))
            {
                terminal.Error.WriteLine($"error: --section must be a section slug such as '{Slugifier.Slugify(sectionSlug)}', not '{sectionSlug}'");
                return ExitCodes.Usage;
            }

            // A build only warns about an unlisted section; here nothing is written yet, so a typo is simply refused.
            if (config.Sections.Count > 0 && !config.Sections.Any(s => s.Slug == sectionSlug))
            {
                var listed = config.Sections.Select(s => s.Slug).ToList();
                var hint = NearestName.Find(sectionSlug, listed) is { } nearest ? $"; did you mean '{nearest}'?" : "";
                terminal.Error.WriteLine($"error: section '{sectionSlug}' is not one of the sections in site.yaml ({string.Join(", ", listed)}){hint} A new section is added to 'sections' in site.yaml first");
                return ExitCodes.Usage;
            }

            var archetypePath = Path.Combine(sourceRoot, ArticleArchetype.SitePath);
            var (archetype, problem) = ReadArchetype(archetypePath);
            if (archetype is null)
            {
                terminal.Error.WriteLine(problem);
                return ExitCodes.ContentErrors;
            }

            var date = config.TimeZone.InZone(TruncateToSeconds(terminal.Clock.GetUtcNow()));
            var text = ArticleArchetype.Fill(archetype, title, date, sectionSlug, slug);

            var path = Path.Combine(sourceRoot, "content", sectionSlug, slug + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                // CreateNew fails if the file exists, even if it appeared a moment ago: never overwrite an article.
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                writer.Write(text);
            }
            catch (IOException) when (File.Exists(path))
            {
                terminal.Error.WriteLine($"error: {Display(path)} already exists; it was left as it is (choose another headline or edit that file)");
                return ExitCodes.ContentErrors;
            }

            terminal.Out.WriteLine(Display(path));
            return ExitCodes.Success;
        });
        return command;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>The path as the user would type it: relative under the current folder, else absolute; '/' separators.</summary>
    private static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetFullPath(".").TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var shown = full.StartsWith(current, StringComparison.Ordinal) ? full[current.Length..] : full;
        return shown.Replace('\\', '/');
    }

    /// <summary>The site's archetype, or the built-in one when the site has none; an article's limits apply to it.</summary>
    private static (string? Text, Diagnostic? Problem) ReadArchetype(string path)
    {
        if (!File.Exists(path))
        {
            return (ArticleArchetype.BuiltIn, null);
        }

        var (bytes, unreadable) = RegularFile.ReadOrProblem(path, ArticleArchetype.SitePath, ArticleLimits.Default.MaxFileBytes);
        return bytes is null ? (null, unreadable) : SourceText.Decode(bytes, ArticleArchetype.SitePath);
    }
}
