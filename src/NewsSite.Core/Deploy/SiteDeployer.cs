using System.Collections.Concurrent;
using System.Globalization;
using NewsSite.Caching;
using NewsSite.Configuration;
using NewsSite.Diagnostics;
using NewsSite.Output;

namespace NewsSite.Deploy;

/// <summary>
/// Publishes a built site to an S3 bucket, sending only what changed: read the committed output (holding its build
/// lock, so no build swaps it meanwhile), list the bucket and read its manifest, check what the manifest cannot
/// vouch for, upload new and changed files, then delete what the site no longer has, then write the manifest.
/// A deploy stopped anywhere leaves every page readable, and the next one finishes the job.
/// </summary>
public static class SiteDeployer
{
    /// <summary>How long a replaced fingerprinted file stays: well beyond how long a page may be cached.</summary>
    public static readonly TimeSpan FingerprintedGrace = TimeSpan.FromDays(1);

    private static readonly ObjectHeaders ManifestHeaders = new("application/gzip", "no-store", null);

    /// <exception cref="OperationCanceledException">The deploy was stopped; the manifest was not written.</exception>
    public static async Task<DeployResult> DeployAsync(DeployOptions options, CancellationToken cancellation)
    {
        var start = options.Clock.GetTimestamp();
        var output = Path.GetFullPath(options.OutputRoot).TrimEnd(Path.DirectorySeparatorChar);
        if (Refusal(output, options.OutputRoot) is { } refusal)
        {
            return Failed(DiagnosticCodes.DeployRefused, refusal);
        }

        BuildLock? buildLock;
        try
        {
            buildLock = BuildLock.TryTake(CacheFolder.Of(output));
        }
        catch (OutputWriteException exception)
        {
            return Failed(DiagnosticCodes.DeployRefused, $"cannot lock the output folder '{options.OutputRoot}' against builds: {exception.Message}");
        }

        if (buildLock is null)
        {
            return Failed(DiagnosticCodes.OutputInUse, $"a build is writing the output folder '{options.OutputRoot}'; deploy once it has finished");
        }

        using (buildLock)
        {
            try
            {
                var result = await RunAsync(options, output, cancellation).ConfigureAwait(false);
                return result with { Elapsed = options.Clock.GetElapsedTime(start) };
            }
            catch (DeployException exception)
            {
                return Failed(DiagnosticCodes.DeployFailed, exception.Message);
            }
        }
    }

    /// <summary>Why the folder is not a build's output that may be published, or null.</summary>
    private static string? Refusal(string output, string shown)
    {
        if (new DirectoryInfo(output) is { LinkTarget: not null })
        {
            return $"the output folder '{shown}' is a symbolic link; deploy publishes the folder a build wrote, not what a link points at";
        }

        if (!Directory.Exists(output))
        {
            return $"the output folder '{shown}' does not exist; build the site first (newssite build), or name the folder with --output";
        }

        if (!Directory.Exists(CacheFolder.Of(output)))
        {
            return $"the output folder '{shown}' was not written by newssite build (there is no {Path.GetFileName(CacheFolder.Of(output))}/ beside it); deploy publishes only a built site";
        }

        return null;
    }

    private static async Task<DeployResult> RunAsync(DeployOptions options, string output, CancellationToken cancellation)
    {
        var target = options.Target;
        // The bucket is listed while the output is read and hashed: each takes seconds on a large site.
        using var bucket = S3Bucket.Open(target, options.Environment);
        options.Progress?.Report(new BuildStage("reading the output and listing the bucket"));
        using var stopRemote = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var listing = bucket.ListAsync(stopRemote.Token);
        var manifestRead = bucket.GetAsync(DeployManifest.FileName, DeployManifest.MaxBytes, stopRemote.Token);
        IReadOnlyList<LocalFile> local;
        try
        {
            local = await Task.Run(() => LocalSite.Read(output, target.Prefix, target.CacheControl, cancellation), cancellation).ConfigureAwait(false);
        }
        catch
        {
            await stopRemote.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(listing, manifestRead).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        var localPaths = local.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var remote = await listing.ConfigureAwait(false);
        var previousBytes = await manifestRead.ConfigureAwait(false);
        remote.Remove(DeployManifest.FileName);

        var compression = CompressionName(target.Compression);
        var manifest = previousBytes is null ? null : DeployManifest.Parse(previousBytes);
        var recorded = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        if (manifest is not null && manifest.Compression == compression)
        {
            foreach (var entry in manifest.Files)
            {
                recorded.TryAdd(entry.Key, entry);
            }
        }

        var objects = new ConcurrentDictionary<string, (string Key, string Source, string Etag, long Size, ObjectHeaders Headers)>(StringComparer.Ordinal);
        var uploads = new ConcurrentBag<LocalFile>();
        var unvouched = new List<(LocalFile File, RemoteObject Object)>();
        foreach (var file in local)
        {
            if (!remote.TryGetValue(file.Path, out var existing))
            {
                uploads.Add(file);
            }
            else if (recorded.TryGetValue(file.Path, out var entry))
            {
                // The manifest vouches for the object when it is the upload of this very file; its headers are then known.
                var headers = ObjectHeaders.FromSignature(manifest!.Headers[entry.Headers]);
                if (!entry.Vouches(file.Md5, file.Size, existing))
                {
                    unvouched.Add((file, existing));
                }
                else if (headers.ContentType == file.ContentType && headers.CacheControl == file.CacheControl)
                {
                    objects[file.Path] = (file.Path, file.Md5, existing.Etag, existing.Size, headers);
                }
                else
                {
                    uploads.Add(file);
                }
            }
            else
            {
                unvouched.Add((file, existing));
            }
        }

        // Without the manifest's word (a first deploy to a filled bucket, an object changed by hand, a deploy that
        // stopped midway): the object is right if it has the bytes we would upload and the headers we would send.
        var verified = 0;
        if (unvouched.Count > 0)
        {
            options.Progress?.Report(new BuildStage("checking objects", unvouched.Count));
            await Parallel.ForEachAsync(unvouched, Workers(options, cancellation), async (item, token) =>
            {
                var body = UploadBody.For(item.File, target.Compression);
                if (body.Md5 == item.Object.Etag && body.Size == item.Object.Size
                    && await bucket.HeadAsync(item.File.Path, token).ConfigureAwait(false) is { } headers && SameHeaders(headers, body.Headers))
                {
                    objects[item.File.Path] = (item.File.Path, item.File.Md5, item.Object.Etag, item.Object.Size, body.Headers);
                    Interlocked.Increment(ref verified);
                }
                else
                {
                    uploads.Add(item.File);
                }
            }).ConfigureAwait(false);
        }

        var toUpload = uploads.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var stray = remote.Keys.Where(key => !localPaths.Contains(key)).Order(StringComparer.Ordinal).ToList();
        var now = options.Clock.GetUtcNow();
        var retired = Retire(stray, manifest, now);
        var toDelete = options.Delete ? stray.Where(key => !retired.ContainsKey(key)).ToList() : [];
        var result = new DeployResult
        {
            Diagnostics = [],
            DryRun = options.DryRun,
            Target = bucket.Where,
            Uploaded = [.. toUpload.Select(f => f.Path)],
            Deleted = toDelete,
            Kept = options.Delete ? [] : stray,
            Retired = options.Delete ? [.. retired.Keys.Order(StringComparer.Ordinal)] : [],
            Files = local.Count,
            Unchanged = local.Count - toUpload.Count,
            Verified = verified,
            SiteBytes = local.Sum(f => f.Size),
            ManifestUsed = recorded.Count > 0,
            Purge = PurgeUrls.For(toUpload.Select(f => f.Path).Concat(toDelete), options.BaseUrl),
        };
        if (options.DryRun)
        {
            return result;
        }

        // New and changed files first, in waves: what pages show (images, stylesheets, scripts, search chunks), then
        // the pages, then what lists pages (feeds, sitemaps, the search index's table): nothing is served before
        // what it refers to is there.
        long sent = 0;
        var done = 0;
        options.Progress?.Report(Uploading(0, toUpload.Count, 0));
        foreach (var wave in toUpload.GroupBy(Wave).OrderBy(w => w.Key))
        {
            await Parallel.ForEachAsync(wave, Workers(options, cancellation), async (file, token) =>
            {
                var body = UploadBody.For(file, target.Compression);
                var stream = body.Open();
                await using (stream.ConfigureAwait(false))
                {
                    var etag = await bucket.PutAsync(file.Path, stream, body.Md5, body.Headers, token).ConfigureAwait(false);
                    objects[file.Path] = (file.Path, file.Md5, etag, body.Size, body.Headers);
                }

                var bytes = Interlocked.Add(ref sent, body.Size);
                options.Progress?.Report(Uploading(Interlocked.Increment(ref done), toUpload.Count, bytes));
            }).ConfigureAwait(false);
        }

        // Deletes last: until the new pages are up, the old ones they replace stay readable.
        if (toDelete.Count > 0)
        {
            options.Progress?.Report(new BuildStage("deleting", toDelete.Count));
            await bucket.DeleteAsync(toDelete, cancellation).ConfigureAwait(false);
        }

        // The manifest last: it vouches only for a bucket that holds the whole site.
        var manifestBytes = DeployManifest.From(compression, objects.Values, options.Delete ? retired : []).ToBytes();
        if (previousBytes is null || !manifestBytes.AsSpan().SequenceEqual(previousBytes))
        {
            options.Progress?.Report(new BuildStage("writing the manifest"));
            using var stream = new MemoryStream(manifestBytes, writable: false);
            await bucket.PutAsync(DeployManifest.FileName, stream, ObjectDigest.Of(manifestBytes), ManifestHeaders, cancellation).ConfigureAwait(false);
            sent += manifestBytes.Length;
        }

        return result with { BytesSent = sent };
    }

    /// <summary>
    /// The replaced fingerprinted files (an old <c>assets/style.1a2b3c4d5e.css</c>) that stay a while, with the
    /// moment each was first found replaced: pages that browsers and CDNs still hold refer to them by name. Any other
    /// file the site no longer has is deleted at once.
    /// </summary>
    private static Dictionary<string, DateTimeOffset> Retire(IEnumerable<string> stray, DeployManifest? manifest, DateTimeOffset now)
    {
        var since = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var entry in manifest?.Retired ?? [])
        {
            since.TryAdd(entry.Key, DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(entry.Since, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds())));
        }

        var retired = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var key in stray.Where(FileKinds.IsFingerprinted))
        {
            var from = since.TryGetValue(key, out var known) && known <= now ? known : now;
            if (now - from < FingerprintedGrace)
            {
                retired[key] = from;
            }
        }

        return retired;
    }

    /// <summary>0: files that pages refer to; 1: pages; 2: files that list pages or other files.</summary>
    internal static int Wave(LocalFile file) =>
        file.ContentType.StartsWith("text/html", StringComparison.Ordinal) ? 1
        : file.ContentType is "application/rss+xml" or "application/atom+xml" or "application/xml" or "application/feed+json"
            || file.Path is "robots.txt" or Search.SearchIndexWriter.MetaFile ? 2
        : 0;

    private static ParallelOptions Workers(DeployOptions options, CancellationToken cancellation) =>
        new() { MaxDegreeOfParallelism = Math.Clamp(options.Workers, 1, 64), CancellationToken = cancellation };

    private static BuildStage Uploading(int done, int total, long bytes) =>
        new(string.Create(CultureInfo.InvariantCulture, $"uploading {done} of {total} files, {bytes / 1e6:0.0} MB"));

    /// <summary>Servers may space or case a header differently from how it was sent.</summary>
    private static bool SameHeaders(ObjectHeaders remote, ObjectHeaders wanted) =>
        Normal(remote.ContentType) == Normal(wanted.ContentType)
        && Normal(remote.CacheControl) == Normal(wanted.CacheControl)
        && Normal(remote.ContentEncoding) == Normal(wanted.ContentEncoding);

    private static string Normal(string? value) => (value ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string CompressionName(DeployCompression compression) => compression switch
    {
        DeployCompression.Gzip => "gzip",
        DeployCompression.Brotli => "br",
        _ => "none",
    };

    private static DeployResult Failed(string code, string message) =>
        new() { Diagnostics = [Diagnostic.Error(code, message, null)] };
}
