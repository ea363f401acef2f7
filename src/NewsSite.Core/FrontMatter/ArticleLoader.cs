using System.Collections.Concurrent;
using MemoryPack;
using NewsSite.Caching;
using NewsSite.Content;
using NewsSite.Diagnostics;

namespace NewsSite.FrontMatter;

/// <summary>
/// Reads and parses every article file in parallel; one bad file never stops the others. A file whose path, size
/// and modification time are those of one an earlier build parsed is not read again: the build cache has its
/// article, without the body, which is read back from the file (and checked against its hash) when needed.
/// </summary>
internal sealed class ArticleLoader
{
    private static readonly CacheQuery<CachedArticle> Parsed = new("front-matter");

    private readonly ArticleReader _reader;
    private readonly ArticleLimits _limits;
    private readonly Hash128 _settings;
    private readonly NamePool _names = new();

    /// <param name="timeZone">The site's time zone, which parsing dates depends on.</param>
    public ArticleLoader(ArticleReader reader, ArticleLimits limits, string timeZone)
    {
        _reader = reader;
        _limits = limits;
        _settings = new ContentHash.Builder().Add(timeZone).Add(limits.ToString()).Finish();
    }

    /// <param name="settledBefore">
    /// Files changed after this are not kept: a second write within the same tick of the file system's clock could
    /// leave size and time as they were (see <see cref="SourceFile.SettleTime"/>).
    /// </param>
    public LoadedArticles Load(IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics, IBuildCache cache, DateTime settledBefore)
    {
        MemoryPackTypes.EnsureRegistered();
        var loaded = new ConcurrentBag<Article>();
        var read = 0;
        Parallel.ForEach(files.Where(f => f.IsArticle), file =>
        {
            var key = new ContentHash.Builder().Add(_settings).Add(file.FullPath).Add(file.RelativePath).Add(file.Length).Add(file.LastWriteTimeUtc.Ticks).Finish();
            if (cache.TryGet(Parsed, key, out var known) && known.Article.SourcePath == file.RelativePath)
            {
                diagnostics.AddRange(known.Diagnostics);
                loaded.Add(ShareNames(known.Article).WithBodyFrom(BodyOf(file, known.Article.SourceHash)));
                return;
            }

            Interlocked.Increment(ref read);
            var problems = new List<Diagnostic>();
            var article = LoadOne(file, problems);
            diagnostics.AddRange(problems);
            if (article is not null)
            {
                loaded.Add(article);
                if (file.LastWriteTimeUtc <= settledBefore)
                {
                    cache.Put(Parsed, key, new CachedArticle(article, problems));
                }
            }
        });

        return new LoadedArticles([.. loaded.OrderBy(a => a.SourcePath, StringComparer.Ordinal)], read);
    }

    private Article? LoadOne(SourceFile file, List<Diagnostic> diagnostics)
    {
        if (file.Length > _limits.MaxFileBytes)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.FileTooLarge,
                $"file is {file.Length / 1024 / 1024.0:0.0} MB; an article may be at most {_limits.MaxFileBytes / 1024 / 1024.0:0.#} MB",
                SourceLocation.StartOf(file.RelativePath)));
            return null;
        }

        var (bytes, unreadable) = RegularFile.ReadOrProblem(file.FullPath, file.RelativePath, _limits.MaxFileBytes);
        if (bytes is null)
        {
            diagnostics.Add(unreadable!);
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

        var hash = ContentHash.Of(bytes);
        return (ShareNames(article) with { SourceHash = hash }).WithBodyFrom(BodyOf(file, hash));
    }

    private Article ShareNames(Article article) => article with
    {
        Section = _names.Share(article.Section),
        Dateline = _names.Share(article.Dateline),
        Authors = _names.Share(article.Authors),
        Tags = _names.Share(article.Tags),
    };

    /// <returns>A function that reads the body from its file each time, failing if the file is no longer what was read.</returns>
    private Func<string> BodyOf(SourceFile file, Hash128 sourceHash)
    {
        var maxBytes = _limits.MaxFileBytes;
        return () => Reread(file, sourceHash, maxBytes) ?? throw new ContentChangedException(file.RelativePath);
    }

    /// <summary>The body of a file read again, or null when the file is gone or no longer what was read.</summary>
    private static string? Reread(SourceFile file, Hash128 expectedHash, long maxBytes)
    {
        byte[] bytes;
        try
        {
            bytes = RegularFile.Read(file.FullPath, maxBytes);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        if (ContentHash.Of(bytes) != expectedHash || SourceText.Decode(bytes, file.RelativePath).Text is not { } text)
        {
            return null;
        }

        var (clean, _) = ControlCharacters.Replace(text, file.RelativePath);
        return FrontMatterSplitter.Split(clean, file.RelativePath).Split?.Body;
    }
}

/// <param name="Articles">Every article that loaded, in source-path order.</param>
/// <param name="Read">How many files were read and parsed; the others came from the cache.</param>
internal sealed record LoadedArticles(IReadOnlyList<Article> Articles, int Read);

/// <summary>An article file changed or vanished between being read and being rendered: the build must start over.</summary>
public sealed class ContentChangedException(string path)
    : IOException($"{path} changed while the site was being built; build again")
{
    public string Path { get; } = path;
}

/// <summary>An article as the build cache keeps it: parsed, without its body, with the warnings parsing gave.</summary>
[MemoryPackable]
internal sealed partial record CachedArticle(Article Article, IReadOnlyList<Diagnostic> Diagnostics);
