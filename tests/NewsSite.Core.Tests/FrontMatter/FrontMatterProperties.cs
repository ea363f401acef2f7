using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NewsSite.Content;
using NewsSite.FrontMatter;
using NewsSite.Tests.TestSupport;
using NewsSite.Time;

namespace NewsSite.Tests.FrontMatter;

public sealed class FrontMatterProperties
{
    private const string FilePath = "content/world/x.md";

    private static readonly ArticleReader Reader = new(SiteTimeZone.Utc, ArticleLimits.Default);

    [Property(MaxTest = 1000)]
    public Property Splitting_any_text_gives_a_split_or_an_error_never_an_exception() =>
        Prop.ForAll(HostileText.Articles, text =>
        {
            var (split, error) = FrontMatterSplitter.Split(text, FilePath);
            if (split is null)
            {
                return error is { IsError: true, Location.Line: 1 };
            }

            // The parts are the file's own text, and a body starts on the line after the closing fence
            // (an empty body at the end of a file without a final newline has no line of its own).
            return error is null
                && text.EndsWith(split.Body, StringComparison.Ordinal)
                && text.Contains(split.Yaml, StringComparison.Ordinal)
                && (split.Body.Length == 0 || split.BodyLine == text[..(text.Length - split.Body.Length)].Count(c => c == '\n') + 1);
        });

    [Property(MaxTest = 1000)]
    public Property Reading_any_text_gives_an_article_or_located_errors_never_an_exception() =>
        Prop.ForAll(HostileText.Articles, text =>
        {
            // What the loader does before reading: strict UTF-8, '\n' line endings, control characters replaced.
            var (clean, _) = ControlCharacters.Replace(SourceText.NormalizeLineEndings(text), FilePath);
            var (article, diagnostics) = Reader.Read(clean, FilePath);
            var located = diagnostics.All(d => d.Location is { Path: FilePath, Line: > 0, Column: > 0 });
            return located && (article is not null ? !diagnostics.Any(d => d.IsError) : diagnostics.Any(d => d.IsError));
        });

    [Property(MaxTest = 300)]
    public Property Reading_unnormalized_text_never_throws_either() =>
        Prop.ForAll(HostileText.Articles, text =>
        {
            var (article, diagnostics) = Reader.Read(text, FilePath);
            return article is not null || diagnostics.Count > 0;
        });
}
