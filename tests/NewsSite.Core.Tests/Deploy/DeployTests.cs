using System.IO.Compression;
using System.Security.Cryptography;
using NewsSite.Caching;
using NewsSite.Configuration;
using NewsSite.Deploy;
using NewsSite.Output;
using NewsSite.Tests.Pictures;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Deploy;

/// <summary>
/// Deploys built fixture sites to a real S3-compatible server (s3rver on 127.0.0.1) and reads the bucket back as a
/// reader's browser would: what is uploaded is compared with what changed between two builds, computed here by
/// hashing both outputs.
/// </summary>
public sealed class DeployTests : IDisposable
{
    private const string Fixture = """
        -- content/world/quake.md --
        ---
        headline: Quake shakes the coast
        date: 2025-01-02
        tags: [earthquakes]
        ---
        The ground moved.
        -- content/world/flood.md --
        ---
        headline: River floods the valley
        date: 2025-01-03
        ---
        The water rose.
        -- content/business/ports.md --
        ---
        headline: Ports report record trade
        date: 2025-01-04
        ---
        Ships came in.
        """;

    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task The_first_deploy_uploads_every_file_and_the_bucket_then_holds_the_site_byte_for_byte()
    {
        var (site, s3) = Start();

        var first = await Deploy(site, s3);
        var again = await Deploy(site, s3);

        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var files = Snapshot(site.Output);
        Assert.Equal(files.Keys, first.Uploaded);
        Assert.Empty(first.Deleted);
        Assert.Equal(files.Values.Sum(f => (long)f.Length), first.SiteBytes);
        Assert.True(first.BytesSent > first.SiteBytes, "every file and the manifest are sent");
        await AssertBucketHolds(s3, "news/", site.Output);
        Assert.Empty(again.Uploaded);
        Assert.Empty(again.Deleted);
        Assert.Equal(files.Count, again.Unchanged);
        Assert.True(again.ManifestUsed);
        Assert.Equal(0, again.BytesSent);
        Assert.Empty(again.Purge);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task An_edit_uploads_exactly_the_files_whose_bytes_changed_and_lists_their_urls_to_purge()
    {
        var (site, s3) = Start();
        await Deploy(site, s3);
        var before = Snapshot(site.Output);

        site.WriteFile("content/world/flood.md", "---\nheadline: River floods the valley\ndate: 2025-01-03\n---\nThe water rose, and then fell.\n");
        site.Build().AssertSucceeded();
        var after = Snapshot(site.Output);
        var changed = after.Where(f => !before.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value)).Select(f => f.Key).ToList();
        var result = await Deploy(site, s3);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("world/2025/01/03/flood/index.html", changed);
        Assert.True(changed.Count < after.Count / 2, $"{changed.Count} of {after.Count} files changed");
        Assert.Equal(changed, result.Uploaded);
        Assert.Equal(after.Count - changed.Count, result.Unchanged);
        Assert.Equal(changed.Sum(path => (long)after[path].Length), result.BytesSent - ManifestSize(s3, "news/"));
        Assert.Contains("https://news.example/world/2025/01/03/flood/", result.Purge);
        Assert.Contains("https://news.example/world/2025/01/03/flood/index.html", result.Purge);
        Assert.DoesNotContain("https://news.example/business/2025/01/04/ports/", result.Purge);
        Assert.All(result.Retired, key => Assert.StartsWith("search/data/t/", key, StringComparison.Ordinal));
        await AssertBucketHolds(s3, "news/", site.Output, result.Retired);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task A_deleted_article_is_deleted_from_the_bucket_and_no_delete_keeps_it()
    {
        var (site, s3) = Start();
        await Deploy(site, s3);
        var page = "business/2025/01/04/ports/index.html";
        Assert.True(File.Exists(Path.Combine(site.Output, page)));

        File.Delete(Path.Combine(site.Source, "content/business/ports.md"));
        site.Build().AssertSucceeded();
        var kept = await Deploy(site, s3, o => o with { Delete = false });
        Assert.Contains(page, (await s3.ObjectsAsync("news/")).Keys);
        var deleted = await Deploy(site, s3);

        Assert.Empty(kept.Deleted);
        Assert.Contains(page, kept.Kept);
        Assert.Contains(page, deleted.Deleted);
        Assert.Empty(deleted.Uploaded);
        Assert.Contains("https://news.example/business/2025/01/04/ports/", deleted.Purge);
        Assert.DoesNotContain(page, (await s3.ObjectsAsync("news/")).Keys);
        Assert.All(deleted.Retired, key => Assert.StartsWith("search/data/t/", key, StringComparison.Ordinal));
        await AssertBucketHolds(s3, "news/", site.Output, deleted.Retired);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task Each_kind_of_file_is_served_with_its_content_type_and_cache_control_and_text_is_gzipped()
    {
        var (site, s3) = Start();
        site.WriteBytes("content/media/photo.webp", TestPictures.Plain(300, 200).WebpsaveBuffer());
        site.WriteBytes("content/media/photo.avif", [0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70]);
        site.WriteBytes("content/media/photo.png", TestPictures.Png(600, 400));
        site.Build().AssertSucceeded();
        var css = Directory.GetFiles(Path.Combine(site.Output, "assets"), "style.*.css").Single();
        var cssKey = "assets/" + Path.GetFileName(css);
        var copy = "media/" + Path.GetFileName(Directory.GetFiles(Path.Combine(site.Output, "media"), "photo.*-480.webp").Single());

        var result = await Deploy(site, s3, o => o with { Target = o.Target with { Compression = DeployCompression.Gzip } });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pages = "public, max-age=60";
        var media = "public, max-age=86400";
        var expected = new (string Key, string Type, string Cache, bool Gzip)[]
        {
            ("index.html", "text/html; charset=utf-8", pages, true),
            ("world/2025/01/02/quake/index.html", "text/html; charset=utf-8", pages, true),
            (cssKey, "text/css; charset=utf-8", "public, max-age=31536000, immutable", true),
            ("index.xml", "application/rss+xml", pages, true),
            ("atom.xml", "application/atom+xml", pages, true),
            ("feed.json", "application/feed+json", pages, true),
            ("sitemap.xml", "application/xml", pages, true),
            ("robots.txt", "text/plain; charset=utf-8", pages, true),
            ("assets/favicon.svg", "image/svg+xml", media, true),
            ("media/photo.webp", "image/webp", media, false),
            ("media/photo.avif", "image/avif", media, false),
            ("media/photo.png", "image/png", media, false),
            (copy, "image/webp", "public, max-age=31536000, immutable", false),
        };
        foreach (var (key, type, cache, gzip) in expected)
        {
            Assert.True(File.Exists(Path.Combine(site.Output, key)), key);
            var head = await s3.HeadAsync("news/" + key);
            Assert.Equal((key, type, cache), (key, head.Headers.ContentType, head.Headers.CacheControl));
            Assert.Equal((key, gzip ? "gzip" : null), (key, string.IsNullOrEmpty(head.Headers.ContentEncoding) ? null : head.Headers.ContentEncoding));
        }

        // A gzipped object is the file once decompressed; a second deploy recognises it and sends nothing.
        await AssertBucketHolds(s3, "news/", site.Output);
        var again = await Deploy(site, s3, o => o with { Target = o.Target with { Compression = DeployCompression.Gzip } });
        Assert.Empty(again.Uploaded);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task A_changed_cache_control_setting_uploads_the_files_it_applies_to_again()
    {
        var (site, s3) = Start();
        await Deploy(site, s3);

        var result = await Deploy(site, s3, o => o with { Target = o.Target with { CacheControl = new CacheControlConfig { Media = "public, max-age=60" } } });

        Assert.Equal(["assets/favicon.svg"], result.Uploaded);
        Assert.Equal("public, max-age=60", (await s3.HeadAsync("news/assets/favicon.svg")).Headers.CacheControl);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task A_bucket_changed_by_hand_is_repaired_object_by_object()
    {
        var (site, s3) = Start();
        await Deploy(site, s3);
        await s3.DeleteAsync("news/world/2025/01/02/quake/index.html");
        await s3.PutAsync("news/index.xml", "<rss>vandalised</rss>");
        await s3.PutAsync("news/stray/old-page/index.html", "<p>left behind</p>");

        var result = await Deploy(site, s3);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["index.xml", "world/2025/01/02/quake/index.html"], result.Uploaded);
        Assert.Equal(["stray/old-page/index.html"], result.Deleted);
        await AssertBucketHolds(s3, "news/", site.Output);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task A_replaced_fingerprinted_asset_stays_a_day_for_cached_pages_and_is_then_deleted()
    {
        var (site, s3) = Start();
        var replacedAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await Deploy(site, s3, o => o with { Clock = new FixedClock(replacedAt.AddDays(-7)) });
        await s3.PutAsync("news/assets/style.0123456789.css", "body { color: red }");

        var replaced = await Deploy(site, s3, o => o with { Clock = new FixedClock(replacedAt) });
        var hourLater = await Deploy(site, s3, o => o with { Clock = new FixedClock(replacedAt.AddHours(23)) });
        var dayLater = await Deploy(site, s3, o => o with { Clock = new FixedClock(replacedAt.AddDays(1)) });

        Assert.Equal(["assets/style.0123456789.css"], replaced.Retired);
        Assert.Empty(replaced.Deleted);
        Assert.Equal(["assets/style.0123456789.css"], hourLater.Retired);
        Assert.Empty(hourLater.Deleted);
        Assert.Equal(["assets/style.0123456789.css"], dayLater.Deleted);
        Assert.Empty(dayLater.Retired);
        await AssertBucketHolds(s3, "news/", site.Output);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task Without_its_manifest_the_bucket_is_checked_object_by_object_and_nothing_right_is_sent_again()
    {
        var (site, s3) = Start();
        Func<DeployOptions, DeployOptions> gzip = o => o with { Target = o.Target with { Compression = DeployCompression.Gzip } };
        await Deploy(site, s3, gzip);
        await s3.DeleteAsync("news/" + DeployManifest.FileName);
        // The same bytes put back by hand with another type: only the headers are wrong.
        var index = (await s3.ObjectsAsync("news/"))["index.html"];
        await s3.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = S3Server.Bucket, Key = "news/index.html", InputStream = new MemoryStream(index), ContentType = "text/plain", UseChunkEncoding = false,
        });

        var result = await Deploy(site, s3, gzip);

        Assert.False(result.ManifestUsed);
        Assert.Equal(["index.html"], result.Uploaded);
        Assert.Equal(Snapshot(site.Output).Count - 1, result.Verified);
        Assert.Equal("text/html; charset=utf-8", (await s3.HeadAsync("news/index.html")).Headers.ContentType);
        Assert.True((await Deploy(site, s3, gzip)).ManifestUsed);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task More_than_a_thousand_stray_objects_are_all_listed_and_deleted()
    {
        var (site, s3) = Start();
        await Deploy(site, s3);
        using var puts = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, 1001).Select(async i =>
        {
            await puts.WaitAsync();
            try
            {
                await s3.PutAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"news/old/{i:D4}.html"), "old");
            }
            finally
            {
                puts.Release();
            }
        }));

        var result = await Deploy(site, s3);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(1001, result.Deleted.Count);
        Assert.Empty(result.Uploaded);
        await AssertBucketHolds(s3, "news/", site.Output);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task A_manifest_that_cannot_be_read_counts_as_none_and_is_written_again()
    {
        var (site, s3) = Start();
        await Deploy(site, s3);
        await s3.PutAsync("news/" + DeployManifest.FileName, "{\"version\": 1, \"files\": [{\"k\": \"index.html\", \"h\": 99}]}");

        var result = await Deploy(site, s3);
        var again = await Deploy(site, s3);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False(result.ManifestUsed);
        Assert.Empty(result.Uploaded);
        Assert.Equal(result.Files, result.Verified);
        Assert.True(again.ManifestUsed);
        Assert.Equal(0, again.Verified);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task A_deploy_stopped_midway_deletes_nothing_writes_no_manifest_and_the_next_one_converges()
    {
        var (site, s3) = Start();
        await Deploy(site, s3);
        File.Delete(Path.Combine(site.Source, "content/business/ports.md"));
        site.WriteFile("content/world/flood.md", "---\nheadline: River floods the valley\ndate: 2025-01-03\n---\nThe water fell.\n");
        site.Build().AssertSucceeded();
        var manifestBefore = (await s3.ObjectsAsync("news/"))[DeployManifest.FileName];

        // Stopped from inside, after the third upload, as Ctrl+C would: no timing involved.
        using var stop = new CancellationTokenSource();
        var progress = new StopAfter("uploading 3 of", stop);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Deploy(site, s3, o => o with { Progress = progress, Workers = 1 }, stop.Token));
        var midway = await s3.ObjectsAsync("news/");
        Assert.Contains("business/2025/01/04/ports/index.html", midway.Keys);
        Assert.Equal(manifestBefore, midway[DeployManifest.FileName]);

        var rerun = await Deploy(site, s3);

        Assert.True(rerun.Succeeded, string.Join("\n", rerun.Diagnostics));
        Assert.NotEmpty(rerun.Uploaded);
        Assert.Contains("business/2025/01/04/ports/index.html", rerun.Deleted);
        Assert.All(rerun.Retired, key => Assert.StartsWith("search/data/t/", key, StringComparison.Ordinal));
        await AssertBucketHolds(s3, "news/", site.Output, rerun.Retired);
        Assert.Empty((await Deploy(site, s3)).Uploaded);
    }

    [FactNeeding(SystemTool.S3rver)]
    public async Task A_dry_run_reports_what_would_change_and_changes_nothing()
    {
        var (site, s3) = Start();
        await Deploy(site, s3);
        File.Delete(Path.Combine(site.Source, "content/business/ports.md"));
        site.Build().AssertSucceeded();
        var bucketBefore = await s3.ObjectsAsync("news/");

        var dry = await Deploy(site, s3, o => o with { DryRun = true });

        Assert.True(dry.DryRun);
        Assert.NotEmpty(dry.Uploaded);
        Assert.Contains("business/2025/01/04/ports/index.html", dry.Deleted);
        Assert.Equal(0, dry.BytesSent);
        var bucketAfter = await s3.ObjectsAsync("news/");
        Assert.Equal(bucketBefore.Keys, bucketAfter.Keys);
        Assert.All(bucketBefore, o => Assert.Equal(o.Value, bucketAfter[o.Key]));
        var real = await Deploy(site, s3);
        Assert.Equal(dry.Uploaded, real.Uploaded);
        Assert.Equal(dry.Deleted, real.Deleted);
    }

    [Fact]
    public async Task A_folder_no_build_wrote_is_refused_before_anything_is_sent()
    {
        var root = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "handmade"));
        File.WriteAllText(Path.Combine(root, "handmade", "index.html"), "<p>hi</p>");
        try
        {
            var result = await SiteDeployer.DeployAsync(Options(Path.Combine(root, "handmade"), new Uri("http://127.0.0.1:9/")), CancellationToken.None);

            Assert.False(result.Succeeded);
            Assert.Equal("error NS0802: the output folder '" + Path.Combine(root, "handmade") + "' was not written by newssite build (there is no .handmade.newssite/ beside it); deploy publishes only a built site", result.Diagnostics.Single().ToString());
            Assert.False(Directory.Exists(Path.Combine(root, ".handmade.newssite")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_deploy_is_refused_while_a_build_holds_the_output_folder()
    {
        using var site = TestSite.Create(Fixture);
        site.Build().AssertSucceeded();
        using var held = BuildLock.TryTake(CacheFolder.Of(site.Output));
        Assert.NotNull(held);

        var result = await SiteDeployer.DeployAsync(Options(site.Output, new Uri("http://127.0.0.1:9/")), CancellationToken.None);

        Assert.Equal($"error NS0603: a build is writing the output folder '{site.Output}'; deploy once it has finished", result.Diagnostics.Single().ToString());
    }

    [Fact]
    public async Task A_symbolic_link_in_the_output_is_refused_and_nothing_is_published()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Symbolic links need privileges there.
        }

        using var site = TestSite.Create(Fixture);
        site.Build().AssertSucceeded();
        File.CreateSymbolicLink(Path.Combine(site.Output, "passwd.txt"), "/etc/passwd");

        var result = await SiteDeployer.DeployAsync(Options(site.Output, new Uri("http://127.0.0.1:9/")), CancellationToken.None);

        Assert.Equal("error NS0803: the output holds a symbolic link, passwd.txt, which no build writes; it is not published (build the site again)", result.Diagnostics.Single().ToString());
    }

    [Theory]
    [InlineData(DeployCompression.None)]
    [InlineData(DeployCompression.Gzip)]
    public void A_file_replaced_by_a_link_after_the_output_was_read_is_refused_when_it_is_uploaded(DeployCompression compression)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // opening without following a link is Linux's here
        }

        using var site = TestSite.Create(Fixture);
        site.Build().AssertSucceeded();
        var page = LocalSite.Read(site.Output, "", new CacheControlConfig(), CancellationToken.None).Single(f => f.Path == "index.html");
        var secret = Path.Combine(site.Root, "secret.txt");
        File.WriteAllText(secret, "ghp_SECRET_TOKEN");
        File.Delete(page.FullPath);
        File.CreateSymbolicLink(page.FullPath, secret);

        var refused = Assert.Throws<DeployException>(() => UploadBody.For(page, compression).Open().Dispose());

        Assert.Equal("cannot read index.html in the output: it is a symbolic link, which is not followed; it is not published (build the site again)", refused.Message);
    }

    [Fact]
    public async Task A_named_pipe_in_the_output_is_refused_without_opening_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // mkfifo, and the check that tells a pipe from a file, are Linux's.
        }

        using var site = TestSite.Create(Fixture);
        site.Build().AssertSucceeded();
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(site.Output, "pipe.html")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await SiteDeployer.DeployAsync(Options(site.Output, new Uri("http://127.0.0.1:9/")), CancellationToken.None);

        Assert.Equal("error NS0803: the output holds pipe.html, which is not a regular file; it is not published (build the site again)", result.Diagnostics.Single().ToString());
    }

    private (TestSite Site, S3Server S3) Start()
    {
        var site = TestSite.Create(Fixture);
        _owned.Add(site);
        site.Build().AssertSucceeded();
        var s3 = S3Server.Start();
        _owned.Add(s3);
        return (site, s3);
    }

    private static DeployOptions Options(string output, Uri endpoint) => new()
    {
        OutputRoot = output,
        Target = new DeployConfig { Bucket = S3Server.Bucket, Endpoint = endpoint, Prefix = "news/" },
        BaseUrl = new Uri("https://news.example/"),
        Environment = name => S3Server.Environment.GetValueOrDefault(name),
        Workers = 4,
    };

    private static Task<DeployResult> Deploy(TestSite site, S3Server s3, Func<DeployOptions, DeployOptions>? configure = null, CancellationToken cancellation = default)
    {
        var options = Options(site.Output, s3.Endpoint);
        return SiteDeployer.DeployAsync(configure is null ? options : configure(options), cancellation);
    }

    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private static long ManifestSize(S3Server s3, string prefix) =>
        s3.ObjectsAsync(prefix).GetAwaiter().GetResult()[DeployManifest.FileName].Length;

    /// <summary>The bucket holds the site's files and the manifest, nothing else; a gzipped object is the file once decompressed.</summary>
    /// <param name="retired">Replaced fingerprinted files the last deploy kept, which may be there too.</param>
    private static async Task AssertBucketHolds(S3Server s3, string prefix, string output, IReadOnlyList<string>? retired = null)
    {
        var local = Snapshot(output);
        var remote = await s3.ObjectsAsync(prefix);
        Assert.True(remote.Remove(DeployManifest.FileName), "the manifest is in the bucket");
        foreach (var key in retired ?? [])
        {
            Assert.True(remote.Remove(key), $"the retired file {key} is in the bucket");
        }

        Assert.Equal(local.Keys, remote.Keys);
        foreach (var (key, bytes) in remote)
        {
            var head = await s3.HeadAsync(prefix + key);
            var served = head.Headers.ContentEncoding == "gzip" ? Gunzip(bytes) : bytes;
            Assert.True(local[key].AsSpan().SequenceEqual(served), $"{key} differs from the built file");
#pragma warning disable CA5351 // S3's ETag is the MD5 of the stored bytes.
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), head.ETag.Trim('"'));
#pragma warning restore CA5351
        }
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Cancels the deploy when it reports a stage that starts with <paramref name="stage"/>.</summary>
    private sealed class StopAfter(string stage, CancellationTokenSource stop) : IProgress<BuildStage>
    {
        public void Report(BuildStage value)
        {
            if (value.Name.StartsWith(stage, StringComparison.Ordinal))
            {
                stop.Cancel();
            }
        }
    }
}
