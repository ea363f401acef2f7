namespace NewsSite.Templates;

/// <summary>Markup we made ourselves (rendered Markdown, JSON-LD): templates write it as it is, unescaped.</summary>
public sealed record RawHtml(string Value)
{
    public static RawHtml Empty { get; } = new("");

    public override string ToString() => Value;
}
