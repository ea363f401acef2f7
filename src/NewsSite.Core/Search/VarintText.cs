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

    public static void Append(StringBuilder text, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Span<char> digits = stackalloc char[8];
        var count = 0;
        digits[count++] = Last[value & 31];
        value >>= 5;
        while (value > 0)
        {
            digits[count++] = More[value & 31];
            value >>= 5;
        }

        for (var i = count - 1; i >= 0; i--)
        {
            text.Append(digits[i]);
        }
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
