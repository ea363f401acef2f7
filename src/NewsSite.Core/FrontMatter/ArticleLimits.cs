namespace NewsSite.FrontMatter;

/// <summary>Bounds on one article, so that a pasted or hostile file gets a clear error instead of a slow build.</summary>
public sealed record ArticleLimits
{
    public static ArticleLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    public int MaxKeyPoints { get; init; } = 20;

    public int MaxTags { get; init; } = 50;

    public int MaxAuthors { get; init; } = 20;

    public int MaxCorrections { get; init; } = 50;

    /// <summary>
    /// How many bytes of Markdown bodies a build holds in memory (as UTF-8); bodies beyond it are read back from
    /// their files when rendered. Sized so a 100,000-article archive still builds within a gigabyte.
    /// </summary>
    public long HeldBodyBytes { get; init; } = 192L * 1024 * 1024;

    public Yaml.YamlLimits Yaml { get; init; } = global::NewsSite.Yaml.YamlLimits.Default;
}
