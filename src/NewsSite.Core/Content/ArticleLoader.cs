using System.Collections.Concurrent;
using NewsSite.Diagnostics;
using NewsSite.FrontMatter;
using NewsSite.Model;

namespace NewsSite.Content;

/// <summary>Reads and parses every article file in parallel; one bad file never stops the others.</summary>
internal sealed class ArticleLoader
{
    private readonly ArticleReader _reader;
    private readonly ArticleLimits _limits;
    private readonly BodyStore _bodies;

    public ArticleLoader(ArticleReader reader, ArticleLimits limits)
    {
        _reader = reader;
        _limits = limits;
        _bodies = new BodyStore(limits.HeldBodyBytes, Reread);
    }

    public IReadOnlyList<Article> Load(IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics)
    {
        var articles = new ConcurrentBag<Article>();
        Parallel.ForEach(files.Where(f => f.IsArticle), file =>
        {
            var article = LoadOne(file, diagnostics);
            if (article is not null)
            {
                articles.Add(article);
            }
        });

        return [.. articles.OrderBy(a => a.SourcePath, StringComparer.Ordinal)];
    }

    private Article? LoadOne(SourceFile file, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            if (file.Length > _limits.MaxFileBytes)
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.FileTooLarge,
                    $"file is {file.Length / 1024 / 1024.0:0.0} MB; an article may be at most {_limits.MaxFileBytes / 1024 / 1024.0:0.#} MB",
                    SourceLocation.StartOf(file.RelativePath)));
                return null;
            }

            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (IOException exception)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, $"cannot read the file: {exception.Message}", SourceLocation.StartOf(file.RelativePath)));
            return null;
        }
        catch (UnauthorizedAccessException exception)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableFile, $"cannot read the file: {exception.Message}", SourceLocation.StartOf(file.RelativePath)));
            return null;
        }

        var (text, decodeError) = SourceText.Decode(bytes, file.RelativePath);
        if (decodeError is not null)
        {
            diagnostics.Add(decodeError);
            return null;
        }

        var (clean, controlWarning) = ControlCharacters.Replace(text!, file.RelativePath);
        if (controlWarning is not null)
        {
            diagnostics.Add(controlWarning);
        }

        var (article, problems) = _reader.Read(clean, file.RelativePath);
        diagnostics.AddRange(problems);
        if (article is null)
        {
            return null;
        }

        var hash = Output.ContentHash.Of(bytes);
        return (article with { SourceHash = hash }).WithBodyFrom(_bodies.Keep(article.Body, file, hash));
    }

    /// <summary>The body of a file read again, or null when the file is gone or no longer what was read.</summary>
    private static string? Reread(SourceFile file, string expectedHash)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        if (Output.ContentHash.Of(bytes) != expectedHash || SourceText.Decode(bytes, file.RelativePath).Text is not { } text)
        {
            return null;
        }

        var (clean, _) = ControlCharacters.Replace(text, file.RelativePath);
        return FrontMatterSplitter.Split(clean, file.RelativePath).Split?.Body;
    }
}
