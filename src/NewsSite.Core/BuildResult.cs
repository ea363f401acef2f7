using MemoryPack;
using NewsSite.Diagnostics;
using NewsSite.Model;

namespace NewsSite;

/// <summary>What a build did and found; the build cache keeps it as the receipt a build with nothing to do reports again.</summary>
[MemoryPackable]
public sealed partial record BuildResult
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>Articles published (drafts, future and expired articles left out).</summary>
    public int Articles { get; init; }

    /// <summary>Article files found under content/, published or not.</summary>
    public int ArticleFiles { get; init; }

    /// <summary>Of <see cref="ArticleFiles"/>, those this build read and parsed; the others were unchanged and came from the cache.</summary>
    public int ArticlesRead { get; init; }

    public int Pages { get; init; }

    /// <summary>Pages this build rendered; the rest of <see cref="Pages"/> were kept unchanged from the previous build.</summary>
    public int PagesRendered { get; init; }

    /// <summary>Pictures this build decoded and encoded; the others' files were kept from the previous build.</summary>
    public int PicturesProcessed { get; init; }

    /// <summary>Files whose bytes this build wrote; the others were already there or linked from the previous output.</summary>
    public int FilesWritten { get; init; }

    public int Files { get; init; }

    /// <summary>Feed files among <see cref="Files"/> (RSS, Atom, JSON Feed).</summary>
    public int Feeds { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The next moment the published set changes (a scheduled article goes live, one expires).</summary>
    public DateTimeOffset? NextChange { get; init; }

    /// <summary>What happens at <see cref="NextChange"/>: which article goes live or expires.</summary>
    public UpcomingChange? NextScheduledChange { get; init; }

    /// <summary>
    /// True when nothing had changed since the last successful build (no input file touched, the output as that build
    /// left it): nothing was read, rendered or written, and the counts and warnings are that build's.
    /// </summary>
    public bool UpToDate { get; init; }
}
