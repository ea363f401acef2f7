using System.Security.Cryptography;

namespace NewsSite.Deploy;

/// <summary>The MD5 of bytes as lowercase hex: what S3 and its look-alikes give as the ETag of a single-part upload.</summary>
internal static class ObjectDigest
{
#pragma warning disable CA5351 // Compared with what the bucket reports, never trusted for security.
    public static string Of(Stream stream) => Convert.ToHexStringLower(MD5.HashData(stream));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351
}
