using System.Text;

namespace NewsSite.Search;

/// <summary>
/// Non-negative integers as short runs of JSON-safe characters: base 32, most significant digit first; a digit
/// that is followed by more digits is written from <see cref="More"/>, the last one from <see cref="Last"/>.
/// 0..31 take one character, up to 1023 two, up to 32767 three. <c>readVarints</c> in search.js reads it back.
/// </summary>
internal static class VarintText
{
    public const string Last = "0123456789abcdefghijklmnopqrstuv";
    public const string More = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%()";

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
        var count = 1;
        while ((value >>= 5) > 0)
        {
            count++;
        }

        return count;
    }

    /// <summary>Writes the characters of <paramref name="value"/> as ASCII bytes.</summary>
    /// <returns>How many were written (<see cref="Length"/>).</returns>
    public static int Write(Span<byte> destination, int value)
    {
        var count = Length(value);
        destination[count - 1] = (byte)Last[value & 31];
        for (var i = count - 2; i >= 0; i--)
        {
            value >>= 5;
            destination[i] = (byte)More[value & 31];
        }

        return count;
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

    public static List<int> Decode(string text)
    {
        var values = new List<int>();
        var value = 0;
        foreach (var ch in text)
        {
            var more = More.IndexOf(ch, StringComparison.Ordinal);
            if (more >= 0)
            {
                value = (value << 5) | more;
                continue;
            }

            var last = Last.IndexOf(ch, StringComparison.Ordinal);
            if (last < 0)
            {
                throw new FormatException($"'{ch}' is not a digit of the index encoding");
            }

            values.Add((value << 5) | last);
            value = 0;
        }

        return values;
    }
}
