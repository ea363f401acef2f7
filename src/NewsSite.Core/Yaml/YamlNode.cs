namespace NewsSite.Yaml;

/// <summary>
/// A YAML value with its 1-based position in the YAML text. Our own small tree, not YamlDotNet's representation
/// model, so that duplicate keys, nesting depth and alias expansion are checked while it is built.
/// </summary>
public abstract record YamlNode(int Line, int Column)
{
    /// <summary>How many nodes this one stands for once aliases are expanded; bounds every later walk.</summary>
    public abstract long ExpandedSize { get; }
}

public sealed record YamlScalar(string Value, bool IsPlain, int Line, int Column) : YamlNode(Line, Column)
{
    public override long ExpandedSize => 1;

    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar: YAML's null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, long Size, int Line, int Column) : YamlNode(Line, Column)
{
    public override long ExpandedSize => Size;
}

public sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, long Size, int Line, int Column)
    : YamlNode(Line, Column)
{
    public override long ExpandedSize => Size;

    public YamlNode? this[string key] => Find(key)?.Value;

    public KeyValuePair<YamlScalar, YamlNode>? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }
}
