using System.Runtime.InteropServices;
using NewsSite.Configuration;
using NewsSite.Model;
using NewsSite.Output;

namespace NewsSite.Search;

/// <summary>
/// What the analysis cache is keyed by. <see cref="Of"/>: per article, everything of it that its analysis and
/// snippet read. <see cref="Context"/>: per build, everything else they depend on (this build of the generator,
/// which holds the analyser and the Markdown renderer, and the Markdown settings); a cache made in another
/// context is not used at all.
/// </summary>
internal static class SearchCacheKeys
{
    /// <summary>Raise when the analysis changes in a way the generator's own identity would not show.</summary>
    private const int AnalysisVersion = 1;

    public static Hash128 Context(SiteConfig config)
    {
        var hash = new KeyHash();
        hash.Add(AnalysisVersion);
        hash.Add(typeof(SearchCacheKeys).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        hash.Add(typeof(Markdig.Markdown).Assembly.FullName);
        hash.Add(config.Markdown.ToString());
        hash.Add(config.Ads.Enabled ? config.Ads.AfterParagraph : 0);
        return hash.Finish();
    }

    /// <remarks>
    /// The article's own fields, not its file: the body is rendered from <see cref="Article.Body"/> and
    /// <see cref="Article.Dateline"/>. A content hash of the article file (plus the section name and the summary,
    /// which come from elsewhere) would do as well and be cheaper.
    /// </remarks>
    public static Hash128 Of(Entry entry)
    {
        var article = entry.Article;
        var hash = new KeyHash();
        hash.Add(article.Headline);
        hash.Add(article.HeldKeyPoints is { } points ? points.Bytes : default);

        hash.Add(article.Tags);
        hash.Add(article.Dek);
        hash.Add(article.Authors);
        hash.Add(article.Summary);
        hash.Add(entry.Section?.Name);
        hash.Add(article.Dateline);
        // An article read from a file is keyed by the file's hash, which covers the body without reading it back.
        hash.Add(article.SourceHash.Length > 0 ? article.SourceHash : article.Body);
        hash.Add(entry.Summary);
        return hash.Finish();
    }

    /// <summary>Each part is length-prefixed, so ("ab", "c") and ("a", "bc") differ, and null differs from "".</summary>
    private sealed class KeyHash
    {
        private HashInput _input;

        public void Add(string? text)
        {
            Add(text?.Length ?? -1);
            _input.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        }

        public void Add(IReadOnlyList<string> texts)
        {
            Add(texts.Count);
            for (var i = 0; i < texts.Count; i++)
            {
                Add(texts[i]);
            }
        }

        /// <summary>Packed key points: their locations too, which only change when the file does.</summary>
        public void Add(ReadOnlySpan<byte> bytes)
        {
            Add(bytes.Length);
            _input.Append(bytes);
        }

        public void Add(int value)
        {
            _input.Append(value);
        }

        public Hash128 Finish()
        {
            Span<byte> hash = stackalloc byte[16];
            _input.Finish(hash);
            return Hash128.Read(hash);
        }
    }
}
