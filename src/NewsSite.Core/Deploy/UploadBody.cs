using System.IO.Compression;
using NewsSite.Configuration;

namespace NewsSite.Deploy;

/// <summary>
/// The bytes an object is uploaded with: the file as it is, or, for a text file when site.yaml asks for it, the file
/// compressed (kept only when smaller), served with <c>Content-Encoding</c>. Compression is deterministic, so the
/// same file gives the same object.
/// </summary>
internal sealed class UploadBody
{
    private UploadBody(LocalFile file, byte[]? bytes, ObjectHeaders headers, string md5, long size)
    {
        File = file;
        Bytes = bytes;
        Headers = headers;
        Md5 = md5;
        Size = size;
    }

    public LocalFile File { get; }

    /// <summary>The compressed bytes; null when the file is uploaded as it is (streamed from disk).</summary>
    public byte[]? Bytes { get; }

    public ObjectHeaders Headers { get; }

    /// <summary>Lowercase hex MD5 of the uploaded bytes: the object's ETag.</summary>
    public string Md5 { get; }

    public long Size { get; }

    public static UploadBody For(LocalFile file, DeployCompression compression)
    {
        if (compression != DeployCompression.None && file.Compressible)
        {
            var raw = LocalSite.ReadListed(file.Path, file.FullPath);
            var compressed = Compress(raw, compression);
            if (compressed.Length < raw.Length)
            {
                var encoding = compression == DeployCompression.Gzip ? "gzip" : "br";
                return new UploadBody(file, compressed, new ObjectHeaders(file.ContentType, file.CacheControl, encoding), ObjectDigest.Of(compressed), compressed.Length);
            }
        }

        return new UploadBody(file, null, new ObjectHeaders(file.ContentType, file.CacheControl, null), file.Md5, file.Size);
    }

    public Stream Open() => Bytes is { } bytes
        ? new MemoryStream(bytes, writable: false)
        : new FileStream(LocalSite.OpenListed(File.Path, File.FullPath), FileAccess.Read);

    /// <summary>
    /// gzip at its smallest; Brotli at quality 9, which compresses better than gzip at a fraction of the time of
    /// quality 11. Only changed files are compressed, once per deploy.
    /// </summary>
    private static byte[] Compress(byte[] raw, DeployCompression compression)
    {
        if (compression == DeployCompression.Brotli)
        {
            var output = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
            return BrotliEncoder.TryCompress(raw, output, out var written, quality: 9, window: 22) ? output[..written] : raw;
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return buffer.ToArray();
    }
}
