using System.Globalization;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace NewsSite.Markdown;

/// <summary>
/// Keeps the parse of one body linear or stops it: the render budget is checked in the inline phase
/// (<see cref="RenderBudget"/>), at every block Markdig closes and at every heading, and the things Markdig
/// handles in quadratic time are counted and refused past a limit (<see cref="BodyTooLarge"/>).
/// </summary>
internal sealed class BodyGuards : IMarkdownExtension
{
    /// <summary>
    /// Link reference definitions and footnotes per body. Markdig keeps them in a list it searches whole for each
    /// new one, and re-copies a paragraph's lines after each definition in it: quadratic in their number.
    /// </summary>
    public const int MaxDefinitions = 2_000;

    /// <summary>
    /// Cells of one pipe table (rows × columns). Markdig pads every row to the widest, so a wide header above many
    /// one-cell rows makes output that grows with the product of the two, not with the input.
    /// </summary>
    public const int MaxTableCells = 100_000;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.InlineParsers.Insert(0, new RenderBudget());

        // Before the footnote parser, which also opens on '['.
        pipeline.BlockParsers.Insert(0, new DefinitionCounter());
        foreach (var parser in pipeline.BlockParsers)
        {
            parser.Closed += (processor, _) => RenderBudget.Check(processor.Context);
        }

        pipeline.BlockParsers.FindExact<ParagraphBlockParser>()!.Closed += CheckTableSize;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>A pipe table is made from one paragraph's lines: at most as many rows as lines, columns as pipes.</summary>
    private static void CheckTableSize(BlockProcessor processor, Block block)
    {
        if (block is not ParagraphBlock paragraph || paragraph.Lines.Count < 2)
        {
            return;
        }

        var widest = 0;
        var lines = paragraph.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            widest = Math.Max(widest, lines.Lines[i].Slice.AsSpan().Count('|'));
        }

        if ((long)lines.Count * (widest + 1) > MaxTableCells)
        {
            throw new BodyTooLarge(
                string.Create(CultureInfo.InvariantCulture, $"a table of {lines.Count:N0} lines with up to {widest:N0} pipes in a line can have more than {MaxTableCells:N0} cells; split it or publish the data as a file"),
                paragraph.Line);
        }
    }

    /// <summary>
    /// Counts the lines that may start a link reference definition or a footnote (<c>[label]:</c>, or a label
    /// that goes on to the next line) and opens nothing. It sees lines as Markdig does, so text in code blocks
    /// is not counted.
    /// </summary>
    private sealed class DefinitionCounter : BlockParser
    {
        private static readonly object Key = new();

        public DefinitionCounter()
        {
            OpeningCharacters = ['['];
        }

        public override bool CanInterrupt(BlockProcessor processor, Block block) => true;

        public override BlockState TryOpen(BlockProcessor processor)
        {
            RenderBudget.Check(processor.Context);
            var line = processor.Line.AsSpan();
            var close = LabelEnd(line);
            if (close >= 0 && !line[close..].StartsWith("]:"))
            {
                return BlockState.None;
            }

            if (processor.Document.GetData(Key) is not Counter counter)
            {
                counter = new Counter();
                processor.Document.SetData(Key, counter);
            }

            if (++counter.Count > MaxDefinitions)
            {
                throw new BodyTooLarge(
                    string.Create(CultureInfo.InvariantCulture, $"the body has more than {MaxDefinitions:N0} link reference definitions and footnotes"),
                    processor.LineIndex);
            }

            return BlockState.None;
        }

        /// <summary>The first <c>]</c> not escaped with a backslash, or -1.</summary>
        private static int LabelEnd(ReadOnlySpan<char> line)
        {
            for (var i = 1; i < line.Length; i++)
            {
                if (line[i] == '\\')
                {
                    i++;
                }
                else if (line[i] == ']')
                {
                    return i;
                }
            }

            return -1;
        }

        private sealed class Counter
        {
            public int Count { get; set; }
        }
    }
}
