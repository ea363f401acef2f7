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
    private readonly NamePool _names = new();

    public ArticleLoader(ArticleReader reader, ArticleLimits limits)
    {
        _reader = reader;
        _limits = limits;
        _bodies = new BodyStore(limits.HeldBodyBytes, Reread);
    }

    /// <param name="cache">Articles parsed by earlier builds: a file found there unchanged is not read again.</param>
    public LoadedArticles Load(IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics, ArticleCache cache)
    {
        var loaded = new ConcurrentBag<CachedArticle>();
        var read = 0;
        Parallel.ForEach(files.Where(f => f.IsArticle), file =>
        {
            if (cache.Find(file) is { } known)
            {
                diagnostics.AddRange(known.Diagnostics);
                loaded.Add(known with { Article = ShareNames(known.Article).WithBodyFrom(_bodies.FromFile(file, known.Article.SourceHash)) });
                return;
            }

            Interlocked.Increment(ref read);
            var problems = new List<Diagnostic>();
            var article = LoadOne(file, problems);
            diagnostics.AddRange(problems);
            if (article is not null)
            {
                loaded.Add(new CachedArticle(file.Length, file.LastWriteTimeUtc.Ticks, article, problems));
            }
        });

        var ordered = loaded.OrderBy(a => a.Article.SourcePath, StringComparer.Ordinal).ToList();
        return new LoadedArticles([.. ordered.Select(a => a.Article)], ordered, read, _bodies);
    }

    private Article? LoadOne(SourceFile file, List<Diagnostic> diagnostics)
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
        return (ShareNames(article) with { SourceHash = hash }).WithBodyFrom(_bodies.Keep(article.Body, file, hash));
    }

    private Article ShareNames(Article article) => article with
    {
        Section = _names.Share(article.Section),
        Dateline = _names.Share(article.Dateline),
        Authors = _names.Share(article.Authors),
        Tags = _names.Share(article.Tags),
    };

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

/// <param name="Articles">Every article that loaded, in source-path order.</param>
/// <param name="Entries">The same articles as the cache keeps them, for the next build.</param>
/// <param name="Read">How many files were read and parsed; the others came from the cache.</param>
/// <param name="Bodies">Where the articles' bodies are held; released once the pages no longer need them.</param>
internal sealed record LoadedArticles(IReadOnlyList<Article> Articles, IReadOnlyList<CachedArticle> Entries, int Read, BodyStore Bodies);
