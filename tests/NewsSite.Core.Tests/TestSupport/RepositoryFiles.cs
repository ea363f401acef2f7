namespace NewsSite.Tests.TestSupport;

/// <summary>Where the repository's own files are: the sample site and the committed golden files.</summary>
public static class RepositoryFiles
{
    /// <summary>The folder holding NewsSite.sln, found by walking up from the test binaries.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsSite.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("NewsSite.sln was not found above " + AppContext.BaseDirectory);
    }
}
