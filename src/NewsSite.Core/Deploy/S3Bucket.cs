using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using NewsSite.Configuration;

namespace NewsSite.Deploy;

/// <summary>
/// The deploy target through the AWS SDK: list, read, upload and delete objects under the prefix. Every failure
/// the SDK could not retry away becomes a <see cref="DeployException"/> that says what was being done.
/// </summary>
internal sealed class S3Bucket : IDisposable
{
    /// <summary>DeleteObjects takes at most this many keys a request.</summary>
    private const int DeleteBatch = 1000;

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly string _where;

    private S3Bucket(AmazonS3Client client, DeployConfig target)
    {
        _client = client;
        _bucket = target.Bucket;
        _prefix = target.Prefix;
        _where = $"s3://{target.Bucket}/{target.Prefix}" + (target.Endpoint is { } endpoint ? $" at {endpoint}" : "");
    }

    /// <summary>Where the site goes, for messages: <c>s3://bucket/prefix/</c> and the endpoint, if any.</summary>
    public string Where => _where;

    /// <param name="environment">
    /// The process environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, else the SDK's own
    /// chain (AWS_PROFILE and ~/.aws, web identity tokens as GitHub's OIDC gives them, container and instance roles).
    /// </param>
    public static S3Bucket Open(DeployConfig target, Func<string, string?> environment)
    {
        var config = new AmazonS3Config
        {
            // Retries with exponential back-off and jitter, also for throttling (503 SlowDown).
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 5,
            Timeout = TimeSpan.FromMinutes(2),

            // Content-MD5 protects each upload; the newer trailing checksums are not understood by every
            // S3-compatible service (R2, B2 and MinIO differ), so they are sent only where S3 requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };

        var region = target.Region ?? Nonempty(environment("AWS_REGION")) ?? Nonempty(environment("AWS_DEFAULT_REGION"));
        if (target.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.AbsoluteUri;
            config.AuthenticationRegion = region ?? "us-east-1";

            // Path-style addressing (endpoint/bucket/key) works on every S3-compatible service; virtual hosts need DNS.
            config.ForcePathStyle = true;
        }
        else if (region is null)
        {
            throw new DeployException("no region for the bucket: set 'region' under 'deploy' in site.yaml, or AWS_REGION");
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        var credentials = Nonempty(environment("AWS_ACCESS_KEY_ID")) is { } id && Nonempty(environment("AWS_SECRET_ACCESS_KEY")) is { } secret
            ? Nonempty(environment("AWS_SESSION_TOKEN")) is { } token ? new SessionAWSCredentials(id, secret, token) : new BasicAWSCredentials(id, secret)
            : (AWSCredentials?)null;
        var client = credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
        return new S3Bucket(client, target);
    }

    /// <summary>Every object under the prefix, by its key without the prefix.</summary>
    public async Task<Dictionary<string, RemoteObject>> ListAsync(CancellationToken cancellation)
    {
        var objects = new Dictionary<string, RemoteObject>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix.Length > 0 ? _prefix : null };
        do
        {
            var response = await Call("list the bucket", () => _client.ListObjectsV2Async(request, cancellation), cancellation).ConfigureAwait(false);
            foreach (var item in response.S3Objects ?? [])
            {
                if (item.Key.StartsWith(_prefix, StringComparison.Ordinal))
                {
                    objects[item.Key[_prefix.Length..]] = new RemoteObject(Etag(item.ETag), item.Size ?? 0);
                }
            }

            request.ContinuationToken = response.NextContinuationToken;
            if (response.IsTruncated != true)
            {
                break;
            }
        }
        while (request.ContinuationToken is not null);

        return objects;
    }

    /// <returns>The object's bytes, or null when there is no such object or it is larger than <paramref name="maxBytes"/>.</returns>
    public async Task<byte[]?> GetAsync(string path, long maxBytes, CancellationToken cancellation)
    {
        try
        {
            using var response = await _client.GetObjectAsync(_bucket, _prefix + path, cancellation).ConfigureAwait(false);
            if (response.ContentLength > maxBytes)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception exception) when (IsRemoteFailure(exception) || (exception is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            throw Failure($"read {_prefix + path}", exception);
        }
    }

    /// <returns>The headers the object is served with, or null when there is no such object.</returns>
    public async Task<ObjectHeaders?> HeadAsync(string path, CancellationToken cancellation)
    {
        try
        {
            var response = await _client.GetObjectMetadataAsync(_bucket, _prefix + path, cancellation).ConfigureAwait(false);
            return new ObjectHeaders(response.Headers.ContentType ?? "", response.Headers.CacheControl ?? "", Nonempty(response.Headers.ContentEncoding));
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception exception) when (IsRemoteFailure(exception) || (exception is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            throw Failure($"read the headers of {_prefix + path}", exception);
        }
    }

    /// <returns>The new object's ETag.</returns>
    public async Task<string> PutAsync(string path, Stream body, string md5, ObjectHeaders headers, CancellationToken cancellation)
    {
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = _prefix + path,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = headers.ContentType,
            MD5Digest = Convert.ToBase64String(Convert.FromHexString(md5)),
            UseChunkEncoding = false,
        };
        request.Headers.CacheControl = headers.CacheControl;
        if (headers.ContentEncoding is { } encoding)
        {
            request.Headers.ContentEncoding = encoding;
        }

        var response = await Call($"upload {_prefix + path}", () => _client.PutObjectAsync(request, cancellation), cancellation).ConfigureAwait(false);
        return response.ETag is { Length: > 0 } etag ? Etag(etag) : md5;
    }

    public async Task DeleteAsync(IReadOnlyList<string> paths, CancellationToken cancellation)
    {
        foreach (var batch in paths.Chunk(DeleteBatch))
        {
            var request = new DeleteObjectsRequest
            {
                BucketName = _bucket,
                Quiet = true,
                Objects = [.. batch.Select(path => new KeyVersion { Key = _prefix + path })],
            };
            var response = await Call("delete objects", () => _client.DeleteObjectsAsync(request, cancellation), cancellation).ConfigureAwait(false);
            if (response.DeleteErrors is { Count: > 0 } errors)
            {
                throw new DeployException($"cannot delete {errors[0].Key} from {_where}: {errors[0].Code} {errors[0].Message}" + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : ""));
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<T> Call<T>(string what, Func<Task<T>> call, CancellationToken cancellation)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsRemoteFailure(exception))
        {
            throw Failure(what, exception);
        }
        catch (OperationCanceledException exception) when (!cancellation.IsCancellationRequested)
        {
            // The SDK's own time-out, not the person pressing Ctrl+C.
            throw Failure(what, exception);
        }
    }

    private DeployException Failure(string what, Exception exception)
    {
        var reason = exception switch
        {
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } => "the bucket does not exist",
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } s3 => $"access denied ({s3.ErrorCode}): check the credentials in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) and the bucket's policy",
            AmazonS3Exception s3 => $"{s3.ErrorCode} {s3.Message}".Trim(),
            AmazonClientException when exception.Message.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal) =>
                "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (a CI secret), or AWS_PROFILE, or run where a role provides them",
            _ => exception.Message,
        };
        return new DeployException($"cannot {what} in {_where}: {reason}", exception);
    }

    private static bool IsRemoteFailure(Exception exception) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
        && exception is not OperationCanceledException;

    private static string Etag(string etag) => etag.Trim('"').ToLowerInvariant();

    private static string? Nonempty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
