using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>
/// Inputs that are read whole and are not articles (site.yaml, theme files, files published as they are), turned
/// into something that cannot be read whole: each gets one located error, the build ends, and the previous output
/// stays as it was.
/// </summary>
public sealed class UnreadableInputTests
{
    private const string Site = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        -- content/world/quake.md --
        ---
        headline: Quake shakes the coast
        date: 2025-03-01T10:00:00Z
        ---
        Buildings were evacuated.
        -- content/media/map.pdf --
        not really a PDF
        -- templates/assets/font.woff2 --
        not really a font
        """;

    private static readonly Dictionary<string, Action<string>> Replacements = new()
    {
        { "a named pipe", path => { File.Delete(path); SpecialFiles.MakeFifo(path); } },
        { "a link to /dev/zero", path => { File.Delete(path); File.CreateSymbolicLink(path, "/dev/zero"); } },
        { "a 3 GB file", path => SpecialFiles.MakeSparse(path, 3L * 1024 * 1024 * 1024) },
    };

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "site.yaml", "a named pipe", "site.yaml:1:1: error NS0003: cannot read site.yaml: it is a named pipe, not a regular file" },
        { "site.yaml", "a link to /dev/zero", "site.yaml:1:1: error NS0003: cannot read site.yaml: it is a device file, not a regular file" },
        { "site.yaml", "a 3 GB file", "site.yaml:1:1: error NS0003: cannot read site.yaml: it is 3,072 MB, more than the 4 MB allowed" },
        { "templates/assets/font.woff2", "a 3 GB file", "templates/assets/font.woff2:1:1: error NS0003: cannot read the file: it is 3,072 MB, more than the 16 MB allowed" },
        { "content/media/map.pdf", "a 3 GB file", "content/media/map.pdf:1:1: error NS0003: cannot read the file: it is 3,072 MB, more than the 1,024 MB allowed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_input_that_cannot_be_read_whole_is_a_located_error_and_the_previous_output_stays(string path, string replacement, string expected)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // pipes and devices are told apart on Linux only
        }

        using var site = TestSite.Create(Site);
        site.Build().AssertSucceeded();
        var before = OutputHashes.Of(site.Output);

        Replacements[replacement](Path.Combine(site.Source, path));
        var built = SpecialFiles.BuildWithin(site);

        Assert.Equal([expected], built.Messages);
        Assert.Equal(before, OutputHashes.Of(site.Output));
    }

    [Theory]
    [InlineData("content")]
    [InlineData("templates")]
    public void A_file_where_a_folder_of_the_site_should_be_is_an_error_and_the_previous_output_stays(string folder)
    {
        using var site = TestSite.Create(Site);
        site.Build().AssertSucceeded();
        var before = OutputHashes.Of(site.Output);

        Directory.Delete(Path.Combine(site.Source, folder), recursive: true);
        site.WriteFile(folder, "not a folder");
        var built = site.Build();

        Assert.Equal([$"{folder}:1:1: error NS0003: '{folder}' is a file, not a folder, so nothing under it can be read"], built.Messages);
        Assert.Equal(before, OutputHashes.Of(site.Output));
    }

    [Fact]
    public void Files_at_their_limits_are_published()
    {
        using var site = TestSite.Create(Site);
        SpecialFiles.MakeSparse(Path.Combine(site.Source, "templates/assets/font.woff2"), 16L * 1024 * 1024);

        var built = site.Build();

        built.AssertSucceeded();
        Assert.Equal(16L * 1024 * 1024, new FileInfo(Path.Combine(built.Output, "assets/font.woff2")).Length);
    }
}
