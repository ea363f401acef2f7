using System.IO.Hashing;
using System.Text;

namespace NewsSite.Output;

/// <summary>A 128-bit XxHash3 of bytes or text, as 32 hex digits: fast enough to hash every output file.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(XxHash128.Hash(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Builds one hash from many parts; each part is length-prefixed so ("ab","c") differs from ("a","bc").</summary>
    public sealed class Builder
    {
        private readonly XxHash128 _hash = new();

        public Builder Add(string? text)
        {
            var bytes = Encoding.UTF8.GetBytes(text ?? "\u0000null");
            Span<byte> length = stackalloc byte[4];
            BitConverter.TryWriteBytes(length, bytes.Length);
            _hash.Append(length);
            _hash.Append(bytes);
            return this;
        }

        public Builder Add(int value) => Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

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
    }
}
