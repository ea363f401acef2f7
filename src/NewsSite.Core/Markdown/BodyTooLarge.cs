namespace NewsSite.Markdown;

/// <summary>A body holds more of something than Markdig handles in reasonable time; the parse stops here.</summary>
/// <param name="line">The body line (0-based) where the limit was passed.</param>
internal sealed class BodyTooLarge(string message, int line) : Exception(message)
{
    public int Line { get; } = line;
}
