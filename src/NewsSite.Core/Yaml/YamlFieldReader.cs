using System.Globalization;
using NewsSite.Diagnostics;

namespace NewsSite.Yaml;

/// <summary>Typed access to YAML values that reports a wrong type at the value's own position.</summary>
internal sealed class YamlFieldReader(string path, List<Diagnostic> diagnostics)
{
    public string Path { get; } = path;

    public SourceLocation At(YamlNode node) => new(Path, node.Line, node.Column);

    public void Error(string code, string message, YamlNode node) => diagnostics.Add(Diagnostic.Error(code, message, At(node)));

    public void Warning(string code, string message, YamlNode node) => diagnostics.Add(Diagnostic.Warning(code, message, At(node)));

    public string? String(YamlNode? node, string field)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return scalar.Value;
            default:
                Error(DiagnosticCodes.WrongFieldType, $"'{field}' must be a single value, not a {Describe(node)}", node);
                return null;
        }
    }

    /// <summary>A string or a list of strings: both forms are common for authors.</summary>
    public IReadOnlyList<string> StringOrList(YamlNode? node, string field) => node switch
    {
        YamlScalar { IsNull: true } or null => [],
        YamlScalar scalar => string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()],
        _ => StringList(node, field),
    };

    public IReadOnlyList<string> StringList(YamlNode? node, string field)
    {
        switch (node)
        {
            case null:
            case YamlScalar { IsNull: true }:
                return [];
            case YamlSequence sequence:
                var values = new List<string>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar { IsNull: false } scalar)
                    {
                        if (!string.IsNullOrWhiteSpace(scalar.Value))
                        {
                            values.Add(scalar.Value.Trim());
                        }
                    }
                    else
                    {
                        Error(DiagnosticCodes.WrongFieldType, $"each entry of '{field}' must be a single value, not a {Describe(item)}", item);
                    }
                }

                return values;
            default:
                Error(DiagnosticCodes.WrongFieldType, $"'{field}' must be a list, not a {Describe(node)}", node);
                return [];
        }
    }

    public bool? Bool(YamlNode? node, string field)
    {
        var text = String(node, field);
        if (text is null)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(DiagnosticCodes.WrongFieldType, $"'{field}' must be true or false, not '{text}'", node!);
                return null;
        }
    }

    public int? Int(YamlNode? node, string field, int min, int max)
    {
        var text = String(node, field);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(DiagnosticCodes.WrongFieldType, $"'{field}' must be a whole number from {min} to {max}, not '{text}'", node!);
        return null;
    }

    public YamlMapping? Mapping(YamlNode? node, string field)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return null;
            case YamlMapping mapping:
                return mapping;
            default:
                Error(DiagnosticCodes.WrongFieldType, $"'{field}' must be a mapping of keys to values, not a {Describe(node)}", node);
                return null;
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlSequence => "list",
        YamlMapping => "mapping",
        _ => "single value",
    };
}
