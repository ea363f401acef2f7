using System.Collections.ObjectModel;
using MemoryPack;
using NewsSite.Caching;

namespace NewsSite.FrontMatter;

/// <summary>An article as the editor wrote it: typed front matter plus its Markdown body.</summary>
/// <remarks>The build cache keeps it without its body, which is read back from its file when needed.</remarks>
[MemoryPackable]
public sealed partial record Article
{
    /// <summary>Path from the site root, '/' separated: <c>content/world/quake.md</c>.</summary>
    public required string SourcePath { get; init; }

    public required string Headline { get; init; }

    /// <summary>A hash of the file's bytes: what incremental builds compare to know whether the article changed.</summary>
    public Hash128 SourceHash { get; init; }

    /// <summary>Publication time, in the site's time zone.</summary>
    public required DateTimeOffset Date { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>The section's name as written (or the first folder under content/).</summary>
    public string? Section { get; init; }

    /// <summary>Where the 'section' field's value was written, for warnings; null when the folder gave the section.</summary>
    public Diagnostics.SourceLocation? SectionLocation { get; init; }

    public string? Dateline { get; init; }

    public string? Dek { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Held packed (<see cref="PackedKeyPoints"/>); each read gives a fresh list.</summary>
    [MemoryPackIgnore]
    public IReadOnlyList<KeyPoint> KeyPoints
    {
        get => HeldKeyPoints?.Unpack() ?? [];
        init => HeldKeyPoints = PackedKeyPoints.Pack(value);
    }

    /// <summary>The key points as held, for the cache, which keeps their bytes rather than the points.</summary>
    [MemoryPackInclude]
    internal PackedKeyPoints? HeldKeyPoints { get; init; }

    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    public ArticleImage? Image { get; init; }

    public required string Slug { get; init; }

    public bool Draft { get; init; }

    /// <summary>Front-matter fields we do not know, handed to templates as <c>page.params</c>.</summary>
    /// <remarks>Articles without such fields (nearly all) share one empty dictionary that cannot be changed.</remarks>
    [FrontMatterParamsFormatter]
    public IReadOnlyDictionary<string, object?> Params
    {
        get;
        init => field = value.Count == 0 ? ReadOnlyDictionary<string, object?>.Empty : value;
    } = ReadOnlyDictionary<string, object?>.Empty;

    /// <summary>The Markdown body; an article loaded from a file reads it back from the file on each use.</summary>
    [MemoryPackIgnore]
    public string Body
    {
        get => HeldBody ?? BodyLoader?.Invoke() ?? "";
        init => HeldBody = value;
    }

    private string? HeldBody { get; init; }

    /// <summary>Where <see cref="Body"/> comes from when this article does not hold it as a string.</summary>
    private Func<string>? BodyLoader { get; init; }

    /// <summary>The file line on which the body starts, so Markdown positions map back to the file.</summary>
    public int BodyLine { get; init; } = 1;

    /// <summary>This article with its body given by <paramref name="loader"/> from now on, not held as a string.</summary>
    public Article WithBodyFrom(Func<string> loader) => this with { HeldBody = null, BodyLoader = loader };

    /// <summary>When the article last changed: <see cref="LastModified"/> when it is after <see cref="Date"/>, else the date.</summary>
    [MemoryPackIgnore]
    public DateTimeOffset LastChanged => LastModified is { } modified && modified > Date ? modified : Date;

    /// <summary>The latest of <see cref="Updated"/> and the corrections' dates.</summary>
    [MemoryPackIgnore]
    public DateTimeOffset? LastModified
    {
        get
        {
            var latest = Updated;
            foreach (var correction in Corrections)
            {
                if (latest is null || correction.Date > latest)
                {
                    latest = correction.Date;
                }
            }

            return latest;
        }
    }
}

/// <summary>One entry of the key points box; <see cref="Text"/> is inline Markdown.</summary>
public sealed record KeyPoint(string? Label, string Text)
{
    /// <summary>Where the text was written in the front matter, for warnings; not part of the value.</summary>
    public Diagnostics.SourceLocation? Location { get; init; }

    public bool Equals(KeyPoint? other) => other is not null && Label == other.Label && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(Label, Text);
}

/// <summary>A correction or clarification appended to an article; <see cref="Text"/> is inline Markdown.</summary>
[MemoryPackable]
public sealed partial record Correction(DateTimeOffset Date, string Text)
{
    /// <summary>Where the text was written in the front matter, for warnings; not part of the value.</summary>
    public Diagnostics.SourceLocation? Location { get; init; }

    public bool Equals(Correction? other) => other is not null && Date == other.Date && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(Date, Text);
}

[MemoryPackable]
public sealed partial record ArticleImage(string Src, string Alt, string? Caption, string? Credit)
{
    /// <summary>The point crops keep in view (<c>focus: 0.5, 0.3</c>), from the left and top; the centre by default.</summary>
    public ImageFocus Focus { get; init; } = ImageFocus.Centre;

    /// <summary>Where 'src' was written, for errors about the picture; not part of the value.</summary>
    public Diagnostics.SourceLocation? Location { get; init; }

    public bool Equals(ArticleImage? other) =>
        other is not null && Src == other.Src && Alt == other.Alt && Caption == other.Caption && Credit == other.Credit && Focus == other.Focus;

    public override int GetHashCode() => HashCode.Combine(Src, Alt, Caption, Credit, Focus);
}

/// <summary>A point of a picture as fractions of its width and height, each from 0 to 1.</summary>
public readonly record struct ImageFocus(double X, double Y)
{
    public static ImageFocus Centre { get; } = new(0.5, 0.5);
}
