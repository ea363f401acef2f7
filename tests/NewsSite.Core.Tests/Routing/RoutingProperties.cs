using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NewsSite.Routing;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Routing;

public sealed partial class RoutingProperties
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "newssite-properties", "out");

    private static readonly string RootWithSlash = Root + Path.DirectorySeparatorChar;

    /// <summary>Permalink patterns from tokens and the literals that try to climb out.</summary>
    private static readonly Arbitrary<string> Patterns = Arb.From(
        Gen.Elements("/", "{section}", "{slug}", "{yyyy}", "{mm}", "{dd}", "..", ".", "\\", "%2e", "news", "-", "{", "}", "{title}", "//", "\0")
            .ListOf()
            .Select(parts => string.Concat(parts)));

    /// <summary>A section name, a slug and a date in years 1 to 9000.</summary>
    private static readonly Arbitrary<(string Section, string Slug, DateTimeOffset Date)> Articles = Arb.From(
        Gen.Zip(Gen.Zip(HostileText.Text, HostileText.Text), Gen.Choose(1, 3_000_000))
            .Select(p => (p.Item1.Item1, p.Item1.Item2, new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(p.Item2))));

    [Property(MaxTest = 2000)]
    public Property Slugs_are_lowercase_ascii_letters_digits_and_single_hyphens() =>
        Prop.ForAll(HostileText.Any, text => SlugShape().IsMatch(Slugifier.Slugify(text)));

    [Property(MaxTest = 2000)]
    public Property Slugifying_a_slug_changes_nothing() =>
        Prop.ForAll(HostileText.Any, text =>
        {
            var slug = Slugifier.Slugify(text);
            return Slugifier.Slugify(slug) == slug && (slug.Length == 0 || Slugifier.IsSlug(slug));
        });

    [Property(MaxTest = 2000)]
    public Property No_site_path_maps_to_a_file_outside_the_output_folder() =>
        Prop.ForAll(HostileText.Any, sitePath => Inside(OutputPaths.ToRelativeFile(sitePath)));

    [Property(MaxTest = 2000)]
    public Property Articles_are_written_inside_the_output_folder_for_any_pattern_section_and_slug() =>
        Prop.ForAll(Patterns, Articles, (patternText, article) =>
        {
            var (section, slug, date) = article;
            var (pattern, error) = PermalinkPattern.Parse(patternText);
            if (pattern is null)
            {
                return error is not null;
            }

            // As the model builds them: the section and the slug are slugs; an article always has a slug.
            var articleSlug = Slugifier.Slugify(slug) is { Length: > 0 } s ? s : "x";
            var route = pattern.Expand(Slugifier.Slugify(section), date, articleSlug);
            return Inside(OutputPaths.ToRelativeFile(route));
        });

    /// <summary>A refused path (null) is safe; an accepted one must resolve under the output folder.</summary>
    private static bool Inside(string? relativeFile)
    {
        if (relativeFile is null)
        {
            return true;
        }

        var resolved = Path.GetFullPath(Path.Combine(Root, relativeFile));
        return resolved.StartsWith(RootWithSlash, StringComparison.Ordinal) && OutputPaths.ToFullPath(Root, relativeFile) == resolved;
    }

    [GeneratedRegex("^([a-z0-9]+(-[a-z0-9]+)*)?$")]
    private static partial Regex SlugShape();
}
