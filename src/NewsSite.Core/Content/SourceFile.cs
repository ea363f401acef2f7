namespace NewsSite.Content;

/// <summary>A file found under the source folder, with the size and time it had when it was found.</summary>
/// <param name="RelativePath">Path from the site root with '/' separators, as printed in diagnostics.</param>
/// <param name="FullPath">Absolute path on disk.</param>
public sealed record SourceFile(string RelativePath, string FullPath)
{
    /// <summary>Every extension editors and tools give Markdown: an article under any of them is read, never copied.</summary>
    private static readonly string[] MarkdownExtensions = [".md", ".markdown", ".mdown", ".mdwn", ".mkd", ".mkdn", ".mkdown", ".mdtext", ".mdtxt"];

    public bool IsArticle => MarkdownExtensions.Contains(Path.GetExtension(RelativePath), StringComparer.OrdinalIgnoreCase);

    /// <summary>Size in bytes when discovered (of the link's target, for a symbolic link).</summary>
    public long Length { get; init; }

    public DateTime LastWriteTimeUtc { get; init; }

    /// <summary>
    /// A file changed this recently is not trusted to be unchanged while its size and time stay the same: a second
    /// write within the same tick of the file system's clock could leave both as they were (git calls such entries
    /// racily clean).
    /// </summary>
    public static TimeSpan SettleTime { get; } = TimeSpan.FromSeconds(2);
}
