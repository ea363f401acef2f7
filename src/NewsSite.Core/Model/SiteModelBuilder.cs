using NewsSite.FrontMatter;
using System.Globalization;
using NewsSite.Caching;
using NewsSite.Configuration;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.Routing;

namespace NewsSite.Model;

/// <summary>Routes the published articles and groups them into sections, tags, authors and archives.</summary>
/// <param name="cache">Where related-article lists are kept between builds.</param>
internal sealed class SiteModelBuilder(SiteConfig config, PublishingRules rules, ISet<string> assetPaths, DiagnosticBag diagnostics, IBuildCache cache)
{
    private const int RelatedCount = 4;

    public SiteModel Build(IReadOnlyList<Article> articles)
    {
        var upcoming = rules.Upcoming(articles);
        var published = articles
            .Where(rules.IsPublished)
            .OrderByDescending(a => a.Date)
            .ThenBy(a => a.SourcePath, StringComparer.Ordinal)
            .ToList();

        // A section's name is slugified once, not once per article.
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        string SlugOf(string name) => slugs.TryGetValue(name, out var slug) ? slug : slugs[name] = Slugifier.Slugify(name);

        ReportUnlistedSections(articles, SlugOf);
        var sections = BuildSections(published, SlugOf);
        var entries = new List<Entry>(published.Count);
        var byRoute = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var article in published)
        {
            if (article.Section is { } name && !sections.ContainsKey(SlugOf(name)))
            {
                ReportOverlong(article.SourcePath, "section", SlugOf(name));
                continue;
            }

            var section = article.Section is null ? null : sections[SlugOf(article.Section)];
            var route = config.Permalink.Expand(section?.Slug ?? "", article.Date, article.Slug);
            if (OutputPaths.OverlongSegment(route) is { } overlong)
            {
                ReportOverlong(article.SourcePath, "permalink", overlong);
                continue;
            }

            var entry = new Entry { Article = article, Index = entries.Count, Route = route, Section = section, ImageUrl = ResolveImage(article) };
            if (byRoute.TryGetValue(route, out var first))
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.DuplicateUrl,
                    $"this article would be written to {route}, where {first.Article.SourcePath} is already; give one of them another 'slug'",
                    SourceLocation.StartOf(article.SourcePath)));
                continue;
            }

            byRoute.Add(route, entry);
            entries.Add(entry);
            section?.Entries.Add(entry);
        }

        // Tags and authors touch different fields of each entry: built side by side.
        IReadOnlyList<Term> tags = [], authors = [];
        Parallel.Invoke(
            () => tags = BuildTerms(entries, e => e.Article.Tags, "tags", (e, terms) => e.Tags = terms),
            () => authors = BuildTerms(entries, e => e.Article.Authors, "authors", (e, terms) => e.Authors = terms));
        LinkNeighbours(sections.Values);
        RelatedArticles.Assign(entries, RelatedCount, cache);

        return new SiteModel
        {
            Config = config,
            Entries = entries,
            Sections = OrderSections(sections.Values),
            Tags = tags,
            Authors = authors,
            Archives = BuildArchives(entries),
            Now = rules.Now,
            NextChange = upcoming.Count > 0 ? upcoming[0].At : null,
            Upcoming = upcoming,
        };
    }

    /// <summary>
    /// When site.yaml lists the sections, one that it does not list is most often a typo that would give the site a
    /// new section page and URLs. A warning, not an error: the article still publishes (in a section that follows
    /// the listed ones), so a late story is never held back by site.yaml.
    /// </summary>
    private void ReportUnlistedSections(IReadOnlyList<Article> articles, Func<string, string> slugOf)
    {
        if (config.Sections.Count == 0)
        {
            return;
        }

        var listed = config.Sections.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        var known = string.Join(", ", config.Sections.Select(s => s.Slug));
        foreach (var article in articles)
        {
            if (article.Section is not { } name || listed.Contains(slugOf(name)))
            {
                continue;
            }

            var suggestion = NearestName.Find(slugOf(name), listed);
            var hint = suggestion is null ? "; add" : $"; did you mean '{suggestion}'? Add";
            var source = article.SectionLocation is null ? $"the folder content/{name}/ makes section '{name}', which" : $"section '{name}'";
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.UnlistedSection,
                $"{source} is not one of the sections in site.yaml ({known}){hint} it to 'sections' in site.yaml if it is a new section",
                article.SectionLocation ?? SourceLocation.StartOf(article.SourcePath)));
        }
    }

    private Dictionary<string, Section> BuildSections(List<Article> published, Func<string, string> slugOf)
    {
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var configured in config.Sections)
        {
            sections[configured.Slug] = new Section { Slug = configured.Slug, Name = configured.Name, Route = $"/{configured.Slug}/" };
        }

        foreach (var article in published)
        {
            if (article.Section is null)
            {
                continue;
            }

            var slug = slugOf(article.Section);
            if (!sections.ContainsKey(slug) && OutputPaths.OverlongSegment(slug) is null)
            {
                sections[slug] = new Section { Slug = slug, Name = SectionNames.Display(article.Section), Route = $"/{slug}/" };
            }
        }

        return sections;
    }

    private IReadOnlyList<Section> OrderSections(IEnumerable<Section> sections)
    {
        var order = config.Sections.Select((s, i) => (s.Slug, i)).ToDictionary(p => p.Slug, p => p.i, StringComparer.Ordinal);
        return
        [
            .. sections
                .OrderBy(s => order.TryGetValue(s.Slug, out var i) ? i : int.MaxValue)
                .ThenBy(s => s.Name, StringComparer.Ordinal),
        ];
    }

    private IReadOnlyList<Term> BuildTerms(List<Entry> entries, Func<Entry, IReadOnlyList<string>> names, string kind, Action<Entry, IReadOnlyList<Term>> assign)
    {
        // A name is slugified once, however many articles carry it.
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        string SlugOf(string name)
        {
            if (!slugs.TryGetValue(name, out var slug))
            {
                slugs[name] = slug = Slugifier.Slugify(name);
            }

            return slug;
        }

        var spellings = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var name in names(entry))
            {
                var slug = SlugOf(name);
                if (slug.Length == 0)
                {
                    continue;
                }

                if (!spellings.TryGetValue(slug, out var seen))
                {
                    spellings[slug] = seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
                }

                seen.TryAdd(name, entry.Article.SourcePath);
            }
        }

        var terms = new Dictionary<string, Term>(StringComparer.Ordinal);
        foreach (var (slug, seen) in spellings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (OutputPaths.OverlongSegment(slug) is not null)
            {
                ReportOverlong(seen.Values.Min(StringComparer.Ordinal)!, kind[..^1], slug);
                continue;
            }

            ReportCollisions(kind, seen);
            terms[slug] = new Term { Slug = slug, Name = seen.Keys.First(), Route = $"/{kind}/{slug}/" };
        }

        foreach (var entry in entries)
        {
            var own = names(entry)
                .Select(SlugOf)
                .Where(terms.ContainsKey)
                .Distinct(StringComparer.Ordinal)
                .Select(s => terms[s])
                .ToList();
            foreach (var term in own)
            {
                term.Entries.Add(entry);
            }

            assign(entry, own);
        }

        return [.. terms.Values.Where(t => t.Entries.Count > 0)];
    }

    /// <summary>A name whose URL part no file system could hold: the build fails at the article that uses it.</summary>
    private void ReportOverlong(string sourcePath, string what, string segment) => diagnostics.Add(Diagnostic.Error(
        DiagnosticCodes.PathTooLong,
        $"this article's {what} makes a URL part of {System.Text.Encoding.UTF8.GetByteCount(segment)} bytes ('{segment[..Math.Min(segment.Length, 40)]}...'); a file system allows {OutputPaths.MaxSegmentBytes}: shorten it",
        SourceLocation.StartOf(sourcePath)));

    /// <summary>
    /// "Marco Rubio" and "marco-rubio" are one tag; "C++" and "C" only share a slug by accident, which an editor
    /// should hear about.
    /// </summary>
    private void ReportCollisions(string kind, SortedDictionary<string, string> spellings)
    {
        if (spellings.Count < 2)
        {
            return;
        }

        var forms = spellings.Keys.GroupBy(Loose, StringComparer.Ordinal).ToList();
        if (forms.Count < 2)
        {
            return;
        }

        var first = forms[0].First();
        foreach (var other in forms.Skip(1))
        {
            var name = other.First();
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.SlugCollision,
                $"{kind} '{name}' and '{first}' share the URL /{kind}/{Slugifier.Slugify(name)}/ and are shown as one; spell them alike or tell them apart",
                SourceLocation.StartOf(spellings[name])));
        }

        static string Loose(string name) =>
            string.Join('-', name.ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static void LinkNeighbours(IEnumerable<Section> sections)
    {
        foreach (var section in sections)
        {
            for (var i = 0; i < section.Entries.Count; i++)
            {
                // Entries are newest first: "previous" is the older story, "next" the newer one.
                section.Entries[i].PreviousInSection = i + 1 < section.Entries.Count ? section.Entries[i + 1] : null;
                section.Entries[i].NextInSection = i > 0 ? section.Entries[i - 1] : null;
            }
        }
    }

    private static IReadOnlyList<Archive> BuildArchives(List<Entry> entries)
    {
        var archives = new List<Archive>();
        Archive? year = null;
        Archive? month = null;
        foreach (var entry in entries)
        {
            var date = entry.Article.Date;
            if (year is null || year.Year != date.Year)
            {
                year = new Archive { Year = date.Year, Month = 0, Route = string.Create(CultureInfo.InvariantCulture, $"/{date.Year:D4}/") };
                archives.Add(year);
                month = null;
            }

            if (month is null || month.Month != date.Month)
            {
                month = new Archive { Year = date.Year, Month = date.Month, Route = string.Create(CultureInfo.InvariantCulture, $"/{date.Year:D4}/{date.Month:D2}/") };
                archives.Add(month);
            }

            year.Entries.Add(entry);
            month.Entries.Add(entry);
        }

        return archives;
    }

    private string? ResolveImage(Article article)
    {
        if (article.Image is not { } image)
        {
            return null;
        }

        var src = image.Src;
        if (src.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || src.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return src;
        }

        // content/world/quake.md + "quake.jpg" -> /world/quake.jpg; "/media/x.jpg" stays.
        var folder = Path.GetDirectoryName(article.SourcePath)!.Replace('\\', '/');
        var sitePath = src.StartsWith('/') ? src : "/" + NormalizeRelative(folder[ContentSource.FolderName.Length..].TrimStart('/'), src);
        if (!assetPaths.Contains(sitePath))
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.MissingImageFile,
                $"image '{src}' was not found; put the file under content/ (content{sitePath})",
                image.Location ?? SourceLocation.StartOf(article.SourcePath)));
            return null;
        }

        return sitePath;
    }

    private static string NormalizeRelative(string folder, string relative)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("" or "."))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
