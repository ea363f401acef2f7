namespace NewsSite.Yaml;

/// <summary>Bounds that keep hostile YAML (alias bombs, deep nesting) from hanging or exhausting a build.</summary>
public sealed record YamlLimits
{
    public static YamlLimits Default { get; } = new();

    public int MaxDepth { get; init; } = 32;

    /// <summary>Nodes a document may stand for after alias expansion.</summary>
    public long MaxExpandedNodes { get; init; } = 10_000;
}
