using NewsSite.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NewsSite.Yaml;

/// <summary>Reads one YAML document into a <see cref="YamlNode"/> tree, reporting problems at file positions.</summary>
internal sealed class YamlTreeReader
{
    private readonly string _path;
    private readonly int _firstLine;
    private readonly YamlLimits _limits;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private long _expanded;

    /// <summary>The last event read, so that a failure inside the YAML library can still point near its cause.</summary>
    private Mark _lastSeen = Mark.Empty;

    /// <param name="path">The file the YAML came from, for diagnostics.</param>
    /// <param name="firstLine">The file line (1-based) on which the YAML text starts.</param>
    private YamlTreeReader(string path, int firstLine, YamlLimits limits)
    {
        _path = path;
        _firstLine = firstLine;
        _limits = limits;
    }

    /// <summary>Returns the root node (null for an empty document), or a diagnostic.</summary>
    public static (YamlNode? Root, Diagnostic? Error) Read(string yaml, string path, int firstLine, YamlLimits limits)
    {
        var reader = new YamlTreeReader(path, firstLine, limits);
        var parser = new Parser(new StringReader(yaml));
        try
        {
            return (reader.ReadDocument(parser), null);
        }
        catch (YamlProblem problem)
        {
            return (null, problem.Diagnostic);
        }
        catch (YamlException exception)
        {
            var message = CleanMessage(exception.Message);
            return (null, Diagnostic.Error(DiagnosticCodes.InvalidYaml, $"invalid YAML: {message}", reader.At(exception.Start)));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws this instead of a YamlException for some malformed input, such as a tab
            // after an unclosed flow mapping ("a: b\n{c\n/\t-"); found by the front-matter property tests.
            return (null, Diagnostic.Error(DiagnosticCodes.InvalidYaml, "invalid YAML after this point: check brackets, indentation and tabs", reader.At(reader._lastSeen)));
        }
    }

    private YamlNode? ReadDocument(IParser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(parser, depth: 1);
        parser.Consume<DocumentEnd>();
        if (!parser.TryConsume<StreamEnd>(out _))
        {
            throw Problem(DiagnosticCodes.InvalidYaml, "front matter holds more than one YAML document", parser.Current!.Start);
        }

        return root;
    }

    private YamlNode ReadNode(IParser parser, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of YAML");
        _lastSeen = current.Start;
        if (depth > _limits.MaxDepth)
        {
            throw Problem(DiagnosticCodes.YamlTooComplex, $"YAML is nested deeper than {_limits.MaxDepth} levels", current.Start);
        }

        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw Problem(DiagnosticCodes.InvalidYaml, $"unknown alias '*{alias.Value.Value}'", alias.Start);
                }

                Count(target.ExpandedSize, alias.Start);
                return target;

            case Scalar scalar:
                parser.MoveNext();
                Count(1, scalar.Start);
                if (Content.ControlCharacters.IndexOfDisallowed(scalar.Value) is var control and >= 0)
                {
                    // Mostly an escape such as "\0": an article's own control characters are replaced on reading.
                    throw Problem(
                        DiagnosticCodes.ControlCharacter,
                        $"the value holds the control character {Content.ControlCharacters.Describe(scalar.Value[control])}, which no page or feed can show; remove it",
                        scalar.Start);
                }

                var (line, column) = Position(scalar.Start);
                return Remember(scalar.Anchor, new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column));

            case SequenceStart start:
                {
                    parser.MoveNext();
                    Count(1, start.Start);
                    var items = new List<YamlNode>();
                    long size = 1;
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        var item = ReadNode(parser, depth + 1);
                        size += item.ExpandedSize;
                        items.Add(item);
                    }

                    var (l, c) = Position(start.Start);
                    return Remember(start.Anchor, new YamlSequence(items, size, l, c));
                }

            case MappingStart start:
                {
                    parser.MoveNext();
                    Count(1, start.Start);
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    long size = 1;
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyEvent = parser.Current!;
                        if (ReadNode(parser, depth + 1) is not YamlScalar key)
                        {
                            throw Problem(DiagnosticCodes.InvalidYaml, "a mapping key must be a plain value", keyEvent.Start);
                        }

                        if (!seen.Add(key.Value))
                        {
                            throw Problem(DiagnosticCodes.DuplicateKey, $"duplicate key '{key.Value}'", keyEvent.Start);
                        }

                        var value = ReadNode(parser, depth + 1);
                        size += 1 + value.ExpandedSize;
                        entries.Add(new(key, value));
                    }

                    var (l, c) = Position(start.Start);
                    return Remember(start.Anchor, new YamlMapping(entries, size, l, c));
                }

            default:
                throw Problem(DiagnosticCodes.InvalidYaml, "unexpected YAML content", current.Start);
        }
    }

    private YamlNode Remember(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private void Count(long nodes, Mark at)
    {
        _expanded += nodes;
        if (_expanded > _limits.MaxExpandedNodes)
        {
            throw Problem(
                DiagnosticCodes.YamlTooComplex,
                $"YAML expands to more than {_limits.MaxExpandedNodes} values (an alias bomb?)",
                at);
        }
    }

    private (int Line, int Column) Position(Mark mark) =>
        ((int)mark.Line + _firstLine - 1, (int)mark.Column);

    private SourceLocation At(Mark mark)
    {
        var (line, column) = Position(mark);
        return new SourceLocation(_path, Math.Max(line, _firstLine), Math.Max(column, 1));
    }

    private YamlProblem Problem(string code, string message, Mark at) => new(Diagnostic.Error(code, message, At(at)));

    /// <summary>YamlDotNet prefixes messages with its own "(Line: 1, Col: 2, ...)"; ours carry the location already.</summary>
    private static string CleanMessage(string message)
    {
        var text = message;
        if (text.StartsWith('(') && text.IndexOf("): ", StringComparison.Ordinal) is var end and > 0)
        {
            text = text[(end + 3)..];
        }

        return text.TrimEnd('.').Trim();
    }

    private sealed class YamlProblem(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }
}
