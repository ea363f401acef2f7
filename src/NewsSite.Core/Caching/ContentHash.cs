using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsSite.Caching;

/// <summary>The build's one hash (XxHash3, 128 bits) of bytes, of text, or of many parts.</summary>
public static class ContentHash
{
    public static Hash128 Of(ReadOnlySpan<byte> bytes, long seed = 0)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash, seed);
        return Hash128.Read(hash);
    }

    public static Hash128 Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Builds one hash from many parts; each part is tagged so ("ab","c") differs from ("a","bc").</summary>
    /// <remarks>
    /// Each part starts with a tag: a text's length in UTF-16 units, -1 for null, -2 before a number's four bytes,
    /// -4 before the length and bytes of raw bytes, -5 before a hash. Text is hashed as its UTF-16 units, without
    /// encoding it first.
    /// </remarks>
    public sealed class Builder
    {
        private const int NullTag = -1;
        private const int NumberTag = -2;
        private const int BytesTag = -4;
        private const int HashTag = -5;

        private readonly XxHash128 _hash = new();

        public Builder Add(string? text)
        {
            Append(text?.Length ?? NullTag);
            Append(MemoryMarshal.AsBytes(text.AsSpan()));
            return this;
        }

        /// <summary>Bytes as they are (a value already serialized, a file's contents).</summary>
        public Builder Add(ReadOnlySpan<byte> bytes)
        {
            Append(BytesTag);
            Append(bytes.Length);
            Append(bytes);
            return this;
        }

        public Builder Add(int value)
        {
            Append(NumberTag);
            Append(value);
            return this;
        }

        public Builder Add(long value) => Add((int)value).Add((int)(value >> 32));

        public Builder Add(Hash128 hash)
        {
            Span<byte> bytes = stackalloc byte[16];
            hash.Write(bytes);
            Append(HashTag);
            Append(bytes);
            return this;
        }

        public Builder Add(Hash128? hash) => hash is { } value ? Add(value) : Add((string?)null);

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

        public Builder Add(IEnumerable<Hash128> parts)
        {
            var count = 0;
            foreach (var part in parts)
            {
                Add(part);
                count++;
            }

            return Add(count);
        }

        /// <summary>The hash of every part added.</summary>
        public Hash128 Finish()
        {
            Span<byte> hash = stackalloc byte[16];
            _hash.GetCurrentHash(hash);
            return Hash128.Read(hash);
        }

        private void Append(int value)
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            Append(bytes);
        }

        private void Append(ReadOnlySpan<byte> bytes) => _hash.Append(bytes);
    }
}
