using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSite.Deploy;

/// <summary>
/// What the last complete deploy put in the bucket (<c>.newssite-deploy.json.gz</c> under the prefix, written
/// last): the headers of each object, and which file a compressed object was made from. The bucket's listing says
/// what each object holds now; the manifest says what no listing shows. A missing or unreadable manifest only means checking the objects themselves.
/// </summary>
internal sealed class DeployManifest
{
    public const string FileName = ".newssite-deploy.json.gz";
    public const int CurrentVersion = 1;

    /// <summary>A manifest larger than this (compressed or not) is not read: it holds about 60 bytes an object.</summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    [JsonPropertyName("version")]
    public int Version { get; set; } = CurrentVersion;

    /// <summary>How text files were compressed (none, gzip, br); another setting means every text file is new.</summary>
    [JsonPropertyName("compression")]
    public string Compression { get; set; } = "";

    /// <summary>Each distinct <see cref="ObjectHeaders.Signature"/> once; entries refer to them by index.</summary>
    [JsonPropertyName("headers")]
    public List<string> Headers { get; set; } = [];

    [JsonPropertyName("files")]
    public List<ManifestEntry> Files { get; set; } = [];

    /// <summary>Replaced fingerprinted files still in the bucket, and since when (Unix seconds).</summary>
    [JsonPropertyName("retired")]
    public List<RetiredEntry> Retired { get; set; } = [];

    public static DeployManifest? Parse(byte[] compressed)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var json = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (json.Length + read > MaxBytes)
                {
                    return null;
                }

                json.Write(buffer, 0, read);
            }

            var manifest = JsonSerializer.Deserialize(json.ToArray(), DeployManifestJson.Default.DeployManifest);
            return manifest is { Version: CurrentVersion } && manifest.Files.TrueForAll(f => f.Headers >= 0 && f.Headers < manifest.Headers.Count && f.Key is not null) && manifest.Retired is not null
                ? manifest
                : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException or IOException)
        {
            return null;
        }
    }

    /// <summary>The manifest as it is uploaded: sorted by key, so the same bucket gives the same bytes.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, this, DeployManifestJson.Default.DeployManifest);
        }

        return buffer.ToArray();
    }

    public static DeployManifest From(
        string compression,
        IEnumerable<(string Key, string Source, string Etag, long Size, ObjectHeaders Headers)> objects,
        IReadOnlyDictionary<string, DateTimeOffset> retired)
    {
        var manifest = new DeployManifest
        {
            Compression = compression,
            Retired = [.. retired.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new RetiredEntry { Key = r.Key, Since = r.Value.ToUnixTimeSeconds() })],
        };
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, source, etag, size, headers) in objects.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!indexes.TryGetValue(headers.Signature, out var index))
            {
                index = manifest.Headers.Count;
                indexes[headers.Signature] = index;
                manifest.Headers.Add(headers.Signature);
            }

            manifest.Files.Add(new ManifestEntry { Key = key, Headers = index, Proof = etag == source ? null : ManifestEntry.ProofOf(source, etag, size) });
        }

        return manifest;
    }
}

/// <summary>
/// One object as the deploy that uploaded it left it. The manifest is uploaded again after every change, so an entry
/// holds no more than the listing cannot say: an object whose ETag is its file's MD5 needs only its headers.
/// </summary>
internal sealed class ManifestEntry
{
    /// <summary>The file's path in the output (the object key without the prefix).</summary>
    [JsonPropertyName("k")]
    public string Key { get; set; } = "";

    /// <summary>The index of the object's headers in <see cref="DeployManifest.Headers"/>.</summary>
    [JsonPropertyName("h")]
    public int Headers { get; set; }

    /// <summary>
    /// For an object whose ETag is not its file's MD5 (a compressed upload, or a bucket that encrypts with KMS):
    /// 64 bits of a hash of the file's MD5 with the object's ETag and size, which ties that object to that file.
    /// </summary>
    [JsonPropertyName("p")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Proof { get; set; }

    /// <summary>The manifest vouches that the listed object is the upload of the file with <paramref name="fileMd5"/>.</summary>
    public bool Vouches(string fileMd5, long fileSize, RemoteObject listed) =>
        Proof is null ? listed.Etag == fileMd5 && listed.Size == fileSize : Proof == ProofOf(fileMd5, listed.Etag, listed.Size);

    public static string ProofOf(string fileMd5, string etag, long size) =>
        ObjectDigest.Of(System.Text.Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fileMd5} {etag} {size}")))[..16];
}

internal sealed class RetiredEntry
{
    [JsonPropertyName("k")]
    public string Key { get; set; } = "";

    [JsonPropertyName("t")]
    public long Since { get; set; }
}

[JsonSerializable(typeof(DeployManifest))]
internal sealed partial class DeployManifestJson : JsonSerializerContext;
