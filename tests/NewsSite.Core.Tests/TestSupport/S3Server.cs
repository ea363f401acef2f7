using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace NewsSite.Tests.TestSupport;

/// <summary>
/// A real S3-compatible server (s3rver from npm, tests/s3) on 127.0.0.1 at a free port, with one bucket, its data in
/// a temporary folder; stopped and removed on dispose. The test's own client reads the bucket as a reader would.
/// </summary>
public sealed partial class S3Server : IDisposable
{
    public const string Bucket = "site";

    private readonly Process _process;
    private readonly string _data;

    private S3Server(Process process, string data, Uri endpoint)
    {
        _process = process;
        _data = data;
        Endpoint = endpoint;
        Client = new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
        {
            ServiceURL = endpoint.AbsoluteUri,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public Uri Endpoint { get; }

    public AmazonS3Client Client { get; }

    /// <summary>The credentials s3rver accepts, as the deploy reads them from the environment.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_ACCESS_KEY_ID"] = "S3RVER",
        ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
    };

    public static S3Server Start()
    {
        var data = Path.Combine(Path.GetTempPath(), "newssite-s3", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo(SystemTools.NodePath ?? "node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
        foreach (var argument in new[] { "--openssl-legacy-provider", SystemTools.S3rverScript ?? "tests/s3/node_modules/s3rver/bin/s3rver.js", "--silent", "-d", data, "-a", "127.0.0.1", "-p", "0", "--configure-bucket", Bucket })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        try
        {
            return Listen(process, data);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    private static S3Server Listen(Process process, string data)
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => errors.Enqueue(e.Data ?? "");
        process.BeginErrorReadLine();

        // s3rver prints the address it listens on once the bucket is made; the wait is a guard against a hang, not a timing.
        var listening = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null || Listening().IsMatch(e.Data))
            {
                listening.TrySetResult(e.Data);
            }
        };
        process.BeginOutputReadLine();
        var line = listening.Task.WaitAsync(TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        if (line is null)
        {
            process.WaitForExit();
            throw new InvalidOperationException("s3rver ended without listening: " + string.Join("\n", errors));
        }

        var port = int.Parse(Listening().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new S3Server(process, data, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Every object under <paramref name="prefix"/>, by key without the prefix, with its bytes as stored.</summary>
    public async Task<SortedDictionary<string, byte[]>> ObjectsAsync(string prefix)
    {
        var objects = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in await KeysAsync(prefix))
        {
            using var get = await Client.GetObjectAsync(Bucket, key);
            using var buffer = new MemoryStream();
            await get.ResponseStream.CopyToAsync(buffer);
            objects[key[prefix.Length..]] = buffer.ToArray();
        }

        return objects;
    }

    /// <summary>
    /// The keys under <paramref name="prefix"/>, listed without reading any object: safe while a deploy is still
    /// writing one (reading it then can fail its checksum).
    /// </summary>
    public async Task<List<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await Client.ListObjectsV2Async(request);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return keys;
    }

    public Task<GetObjectMetadataResponse> HeadAsync(string key) => Client.GetObjectMetadataAsync(Bucket, key);

    public Task PutAsync(string key, string text) =>
        Client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = text, UseChunkEncoding = false });

    public Task DeleteAsync(string key) => Client.DeleteObjectAsync(Bucket, key);

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
