namespace NewsSite.FrontMatter;

/// <summary>A file cut into its YAML block and its body, with the file lines on which each starts.</summary>
public sealed record FrontMatterSplit(string Yaml, int YamlLine, string Body, int BodyLine);
