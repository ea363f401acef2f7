using NewsSite.Content;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Content;

/// <summary>
/// A file read during a build may have been replaced since it was listed. These are what it may have become; each is
/// refused at once, with a message saying why.
/// </summary>
public sealed class RegularFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newssite-regular-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_regular_file_is_read_whole()
    {
        var path = Path.Combine(_folder, "a.md");
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(path, bytes);

        Assert.Equal(bytes, RegularFile.Read(path, maxBytes: bytes.Length));
    }

    [Fact]
    public async Task A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // mkfifo, and opening without waiting, are Linux's
        }

        var path = Path.Combine(_folder, "pipe.md");
        SpecialFiles.MakeFifo(path);

        // Waiting for a writer would end in a TimeoutException, not hang the run.
        var refused = await Task.Run(() => Assert.Throws<IOException>(() => RegularFile.Read(path, maxBytes: 1024))).WaitAsync(SpecialFiles.BuildLimit);

        Assert.Equal("it is a named pipe, not a regular file", refused.Message);
    }

    [Theory]
    [InlineData("/dev/zero", "device file")]
    [InlineData(null, "folder")]
    public void A_link_to_a_device_that_never_ends_and_a_folder_are_refused(string? linkTo, string kind)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var path = Path.Combine(_folder, "not-a-file.md");
        _ = linkTo is null ? (FileSystemInfo)Directory.CreateDirectory(path) : File.CreateSymbolicLink(path, linkTo);

        var refused = Assert.Throws<IOException>(() => RegularFile.Read(path, maxBytes: 1024));
        Assert.Equal($"it is a {kind}, not a regular file", refused.Message);
    }

    [Fact]
    public void A_link_is_followed_only_when_asked()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        File.WriteAllText(Path.Combine(_folder, "target.md"), "text");
        var link = Path.Combine(_folder, "link.md");
        File.CreateSymbolicLink(link, "target.md");

        Assert.Equal("text"u8.ToArray(), RegularFile.Read(link, maxBytes: 1024));
        var refused = Assert.Throws<IOException>(() => RegularFile.Read(link, maxBytes: 1024, followLinks: false));
        Assert.Equal("it is a symbolic link, which is not followed", refused.Message);
    }

    [Theory]
    [InlineData(5L * 1024 * 1024 + 1, 5L * 1024 * 1024, "it is 5,242,881 bytes, more than the 5,242,880 allowed")]
    [InlineData(3L * 1024 * 1024 * 1024, 16L * 1024 * 1024, "it is 3,072 MB, more than the 16 MB allowed")]
    [InlineData(3L * 1024 * 1024 * 1024, long.MaxValue, "it is 3,072 MB, more than the 2,048 MB allowed")]
    public void A_file_longer_than_allowed_is_refused_without_being_read(long length, long maxBytes, string message)
    {
        var path = Path.Combine(_folder, "large.md");
        SpecialFiles.MakeSparse(path, length);

        var refused = Assert.Throws<IOException>(() => RegularFile.Read(path, maxBytes));
        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void A_file_exactly_as_long_as_allowed_is_read()
    {
        var path = Path.Combine(_folder, "limit.md");
        SpecialFiles.MakeSparse(path, 4096);

        Assert.Equal(4096, RegularFile.Read(path, maxBytes: 4096).Length);
    }

    [Fact]
    public void A_missing_file_is_reported_as_missing()
    {
        Assert.Throws<FileNotFoundException>(() => RegularFile.Read(Path.Combine(_folder, "gone.md"), maxBytes: 1024));
    }
}
