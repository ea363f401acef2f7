using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsSite.Output;

/// <summary>A 128-bit XxHash3 of bytes or text, as 32 hex digits: fast enough to hash every output file.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(XxHash128.Hash(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Builds one hash from many parts; each part is length-prefixed so ("ab","c") differs from ("a","bc").</summary>
    /// <remarks>
    /// Each part starts with a tag: a text's length in UTF-16 units, -1 for null, -2 before a number's four bytes.
    /// Text is hashed as its UTF-16 units: encoding each part to UTF-8 first made an array per part, and every page's
    /// fingerprint is built from dozens of parts on every build.
    /// </remarks>
    public sealed class Builder
    {
        private const int NullTag = -1;
        private const int NumberTag = -2;

        private readonly XxHash128 _hash = new();

        public Builder Add(string? text)
        {
            Append(text?.Length ?? NullTag);
            _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
            return this;
        }

        public Builder Add(int value)
        {
            Append(NumberTag);
            Append(value);
            return this;
        }

        public Builder Add(IEnumerable<string?> parts)
        {
            var count = 0;
            foreach (var part in parts)
            {
                Add(part);
                count++;
            }

            return Add(count);
        }

        public string Finish() => Convert.ToHexString(_hash.GetCurrentHash());

        private void Append(int value)
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            _hash.Append(bytes);
        }
    }
}
