using NewsSite.Diagnostics;

namespace NewsSite.Content;

/// <summary>Finds the files under <c>content/</c>, in ordinal order; see <see cref="SourceTree"/> for what is left out.</summary>
internal static class ContentSource
{
    public const string FolderName = "content";

    public static IReadOnlyList<SourceFile> Discover(string siteRoot, DiagnosticBag diagnostics) =>
        SourceTree.List(siteRoot, FolderName, Severity.Warning, diagnostics);
}
