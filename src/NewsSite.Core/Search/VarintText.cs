using System.Numerics;
using System.Text;

namespace NewsSite.Search;

/// <summary>
/// Non-negative integers as short runs of JSON-safe characters: base 32, most significant digit first; a digit
/// that is followed by more digits is written from <see cref="More"/>, the last one from <see cref="Last"/>.
/// 0..31 take one character, up to 1023 two, up to 32767 three. <c>readVarints</c> in search.js reads it back.
/// </summary>
internal static class VarintText
{
    public static ReadOnlySpan<byte> Last => "0123456789abcdefghijklmnopqrstuv"u8;

    public static ReadOnlySpan<byte> More => "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%()"u8;

    /// <summary>The most characters a number takes: 31 bits, five to a digit.</summary>
    public const int MaxLength = 7;

    public static void Append(StringBuilder text, int value)
    {
        Span<byte> digits = stackalloc byte[MaxLength];
        foreach (var digit in digits[..Write(digits, value)])
        {
            text.Append((char)digit);
        }
    }

    /// <summary>How many characters <paramref name="value"/> takes.</summary>
    public static int Length(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return (BitOperations.Log2((uint)value) / 5) + 1;
    }

    /// <summary>Writes the characters of <paramref name="value"/> as ASCII bytes.</summary>
    /// <returns>How many were written (<see cref="Length"/>).</returns>
    public static int Write(Span<byte> destination, int value)
    {
        if ((uint)value < 32)
        {
            destination[0] = Last[value];
            return 1;
        }

        var count = Length(value);
        destination[count - 1] = Last[value & 31];
        for (var i = count - 2; i >= 0; i--)
        {
            value >>= 5;
            destination[i] = More[value & 31];
        }

        return count;
    }

    /// <summary>The first number of <paramref name="text"/>, or −1 when it does not start with a whole one.</summary>
    /// <param name="length">How many characters it takes.</param>
    public static int ReadFirst(ReadOnlySpan<byte> text, out int length)
    {
        var value = 0;
        for (length = 0; length < text.Length && length < MaxLength; length++)
        {
            if (Last.IndexOf(text[length]) is var last and >= 0)
            {
                length++;
                return (value << 5) | last;
            }

            var more = More.IndexOf(text[length]);
            if (more < 0)
            {
                break;
            }

            value = (value << 5) | more;
        }

        length = 0;
        return -1;
    }

    public static string Encode(IEnumerable<int> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            Append(text, value);
        }

        return text.ToString();
    }

    /// <exception cref="FormatException">The text holds something that is not a whole number.</exception>
    public static List<int> Decode(string text)
    {
        var values = new List<int>();
        // Anything not ASCII becomes '?', which is not a digit.
        ReadOnlySpan<byte> rest = Encoding.ASCII.GetBytes(text);
        while (!rest.IsEmpty)
        {
            var value = ReadFirst(rest, out var length);
            if (value < 0)
            {
                throw new FormatException($"'{text}' is not a list of numbers of the index encoding");
            }

            values.Add(value);
            rest = rest[length..];
        }

        return values;
    }
}
