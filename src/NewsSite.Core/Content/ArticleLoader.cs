using System.Collections.Concurrent;
using NewsSite.Diagnostics;
using NewsSite.FrontMatter;
using NewsSite.Model;

namespace NewsSite.Content;

/// <summary>Reads and parses every article file in parallel; one bad file never stops the others.</summary>
internal sealed class ArticleLoader(ArticleReader reader, ArticleLimits limits)
{
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
            var info = new FileInfo(file.FullPath);
            if (info.Length > limits.MaxFileBytes)
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.FileTooLarge,
                    $"file is {info.Length / 1024 / 1024.0:0.0} MB; an article may be at most {limits.MaxFileBytes / 1024 / 1024.0:0.#} MB",
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

        var (article, problems) = reader.Read(clean, file.RelativePath);
        diagnostics.AddRange(problems);
        return article is null ? null : article with { SourceHash = Output.ContentHash.Of(bytes) };
    }
}
