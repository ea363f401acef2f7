using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NewsSite.Output;

/// <summary>A 128-bit XxHash3 of bytes or text, as 32 hex digits: fast enough to hash every output file.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(XxHash128.Hash(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Builds one hash from many parts; each part is length-prefixed so ("ab","c") differs from ("a","bc").</summary>
    /// <remarks>
    /// Each part starts with a tag: a text's length in UTF-16 units, -1 for null, -2 before a number's four bytes,
    /// -3 before the length and bytes of a value's UTF-8 JSON, -4 before the length and bytes of raw bytes.
    /// Text is hashed as its UTF-16 units: encoding each part to UTF-8 first made an array per part, and every page's
    /// fingerprint is built from dozens of parts on every build.
    /// </remarks>
    public sealed class Builder
    {
        private const int NullTag = -1;
        private const int NumberTag = -2;
        private const int JsonTag = -3;
        private const int BytesTag = -4;

        private HashInput _input;

        public Builder Add(string? text)
        {
            _input.Append(text?.Length ?? NullTag);
            _input.Append(MemoryMarshal.AsBytes(text.AsSpan()));
            return this;
        }

        /// <summary>A value as its UTF-8 JSON, without making a string of it; null as a null text is.</summary>
        public Builder AddJson<T>(T? value, JsonTypeInfo<T> info)
        {
            if (value is null)
            {
                return Add((string?)null);
            }

            var json = JsonSerializer.SerializeToUtf8Bytes(value, info);
            _input.Append(JsonTag);
            _input.Append(json.Length);
            _input.Append(json);
            return this;
        }

        /// <summary>Bytes as they are (packed data that is already a key's input).</summary>
        public Builder Add(ReadOnlySpan<byte> bytes)
        {
            _input.Append(BytesTag);
            _input.Append(bytes.Length);
            _input.Append(bytes);
            return this;
        }

        public Builder Add(int value)
        {
            _input.Append(NumberTag);
            _input.Append(value);
            return this;
        }

        public Builder Add(IEnumerable<string?> parts)
        {
            // A list by index: an array's enumerator is an allocation, and keys are made by the ten thousand.
            if (parts is IReadOnlyList<string?> list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Add(list[i]);
                }

                return Add(list.Count);
            }

            var count = 0;
            foreach (var part in parts)
            {
                Add(part);
                count++;
            }

            return Add(count);
        }

        /// <summary>The hash of every part added; a builder is finished once.</summary>
        public string Finish()
        {
            Span<byte> hash = stackalloc byte[16];
            _input.Finish(hash);
            return Convert.ToHexString(hash);
        }

        /// <summary>The hash of every part added, as a key for tables and files; a builder is finished once.</summary>
        internal Hash128 FinishKey()
        {
            Span<byte> hash = stackalloc byte[16];
            _input.Finish(hash);
            return Hash128.Read(hash);
        }
    }
}
