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
    /// Time one body may take to render (parse, heading ids, sanitising, the summary and word count), and its key
    /// points and corrections; a body over it is refused. One template's render for one page has the same budget.
    /// </summary>
    public TimeSpan RenderBudget { get; init; } = DefaultRenderBudget;

    /// <summary>Time one body may take to render before it is reported instead.</summary>
    public static TimeSpan DefaultRenderBudget => TimeSpan.FromSeconds(30);

    public Yaml.YamlLimits Yaml { get; init; } = global::NewsSite.Yaml.YamlLimits.Default;
}
