using MemoryPack;

namespace NewsSite.FrontMatter;

/// <summary>
/// How the build cache keeps <see cref="Article.Params"/>: front-matter values we do not know are text, lists and
/// maps of them (see <see cref="ArticleReader"/>), held as objects, which MemoryPack cannot write by itself.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class FrontMatterParamsFormatterAttribute
    : MemoryPackCustomFormatterAttribute<FrontMatterParamsFormatter, IReadOnlyDictionary<string, object?>>
{
    public override FrontMatterParamsFormatter GetFormatter() => FrontMatterParamsFormatter.Instance;
}

internal sealed class FrontMatterParamsFormatter : MemoryPackFormatter<IReadOnlyDictionary<string, object?>>
{
    public static FrontMatterParamsFormatter Instance { get; } = new();

    public override void Serialize<TBufferWriter>(ref MemoryPackWriter<TBufferWriter> writer, scoped ref IReadOnlyDictionary<string, object?>? value) =>
        writer.WritePackable(ParamValue.From(value));

    public override void Deserialize(ref MemoryPackReader reader, scoped ref IReadOnlyDictionary<string, object?>? value) =>
        value = new SortedDictionary<string, object?>(
            reader.ReadPackable<ParamValue>()?.ToObject() as IDictionary<string, object?> ?? new Dictionary<string, object?>(),
            StringComparer.Ordinal);
}

/// <summary>One front-matter value: text, a list or a map (at most one of them set), or null when none is.</summary>
[MemoryPackable]
internal sealed partial class ParamValue
{
    public string? Text { get; init; }

    public List<ParamValue?>? List { get; init; }

    public Dictionary<string, ParamValue?>? Map { get; init; }

    public static ParamValue? From(object? value) => value switch
    {
        null => null,
        string text => new ParamValue { Text = text },
        IReadOnlyDictionary<string, object?> map => new ParamValue { Map = map.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal) },
        IReadOnlyList<object?> list => new ParamValue { List = [.. list.Select(From)] },
        _ => throw new InvalidOperationException($"front-matter value of type {value.GetType()}"),
    };

    public object? ToObject() =>
        Text is not null ? Text
        : Map is not null ? Map.ToDictionary(p => p.Key, p => p.Value?.ToObject(), StringComparer.Ordinal)
        : List is not null ? List.Select(v => v?.ToObject()).ToList()
        : null;
}
