namespace NewsSite.Content;

/// <summary>
/// Names that editors and their tools leave beside the files they edit: backups (<c>x.md~</c>, <c>x.md.orig</c>,
/// <c>x.md.bak</c>), autosaves (<c>#x.md#</c>), swap files and folder metadata. They hold drafts of the text, so they
/// are never published.
/// </summary>
internal static class ScratchFiles
{
    private static readonly string[] Extensions = [".orig", ".rej", ".bak", ".swp", ".swo", ".tmp"];

    private static readonly string[] Names = [".DS_Store", "Thumbs.db", "desktop.ini"];

    public static bool Matches(string name) =>
        name.EndsWith('~')
        || (name.Length > 1 && name.StartsWith('#') && name.EndsWith('#'))
        || Names.Contains(name, StringComparer.OrdinalIgnoreCase)
        || Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
}
