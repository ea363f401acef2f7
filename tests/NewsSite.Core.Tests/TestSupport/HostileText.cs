using FsCheck;
using FsCheck.Fluent;

namespace NewsSite.Tests.TestSupport;

/// <summary>
/// Generators for property tests: text built from the pieces that break parsers (fences, YAML syntax, aliases,
/// control characters, lone surrogates, bidi controls, markup) mixed with arbitrary strings.
/// </summary>
public static class HostileText
{
    private static readonly string[] Pieces =
    [
        "---", "...", "\n", "\r\n", "\r", " ", "  ", "\t", ":", ": ", "- ", "? ", "#", "|", ">", "'", "\"", "[", "]", "{", "}", ",",
        "headline: x", "date: 2025-01-01", "date: 2025-02-30", "tags: [a, b", "key_points:", "  - label: l", "    text: t", "image:",
        "  src: x", "slug: ../x", "section: ''", "authors:", "draft: yes", "corrections:", "&a ", "*a", "<<: *a", "!!binary ",
        "%YAML 1.2", "\\0", "\\u0000", "\0", "\u0001", "\uFFFF", "\uFFFE", "\uD800", "\uDC00", "\uFEFF", "\u202E", "\u2066",
        "é", "ß", "İ", "\u212A", "\U0001F642", "\U0001D538", "\u0301", "<script>", "</script>", "<!--", "&amp;", "%2e", "..", "/", "\\",
    ];

    /// <summary>A short run of pieces and arbitrary strings, concatenated.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
            (8, Gen.Elements(Pieces)),
            (2, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)))
        .ListOf()
        .Select(parts => string.Concat(parts));

    /// <summary>Text shaped like an article at times: an opening fence, fields, a closing fence, a body.</summary>
    public static Gen<string> ArticleText { get; } = Gen.OneOf(
        Text,
        Text.Select(t => "---\n" + t),
        Gen.Zip(Text, Text).Select(p => "---\nheadline: h\ndate: 2025-01-01\n" + p.Item1 + "\n---\n" + p.Item2),
        Gen.Zip(Text, Text).Select(p => "---\n" + p.Item1 + "\n---\n" + p.Item2));

    public static Arbitrary<string> Any { get; } = Arb.From(Text);

    public static Arbitrary<string> Articles { get; } = Arb.From(ArticleText);
}
