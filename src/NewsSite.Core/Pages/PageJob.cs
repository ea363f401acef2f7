namespace NewsSite.Pages;

/// <summary>Describes a page for error messages: its route and, for articles, the source file.</summary>
internal readonly record struct PageJob(string Route, string? SourcePath)
{
    public override string ToString() => SourcePath is null ? Route : $"{Route} from {SourcePath}";
}
