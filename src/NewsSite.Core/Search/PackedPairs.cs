using System.Buffers;

namespace NewsSite.Search;

/// <summary>
/// A list of (number, value) pairs with distinct numbers, packed: the count, then the pairs in ascending order of
/// number, each number as its gap from the one before less one, both as 7-bit integers
/// (<see cref="BinaryWriter.Write7BitEncodedInt"/>).
/// </summary>
internal static class PackedPairs
{
    private const int MaxBytesPerInt = 5;

    /// <summary>Packs the pairs, sorting the arrays given (in place) by number.</summary>
    /// <param name="values">Null for a set of numbers alone, read back with values of 0.</param>
    public static byte[] Pack(int[] keys, int[]? values)
    {
        Array.Sort(keys, values);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytesPerInt * (1 + (2 * keys.Length)));
        try
        {
            var length = Write(buffer, 0, keys.Length);
            var previous = -1;
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] <= previous)
                {
                    throw new ArgumentException("the numbers of packed pairs must be distinct", nameof(keys));
                }

                length = Write(buffer, length, keys[i] - previous - 1);
                if (values is not null)
                {
                    length = Write(buffer, length, values[i]);
                }

                previous = keys[i];
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static (int[] Keys, int[] Values) Unpack(ReadOnlySpan<byte> packed)
    {
        var pairs = Read(packed);
        var keys = new int[pairs.Count];
        var values = new int[pairs.Count];
        for (var i = 0; pairs.Next(out var key, out var value); i++)
        {
            (keys[i], values[i]) = (key, value);
        }

        return (keys, values);
    }

    /// <summary>Walks a packed list without unpacking it into arrays.</summary>
    /// <param name="values">False for a list packed without values.</param>
    public static Reader Read(ReadOnlySpan<byte> packed, bool values = true) => new(packed, values);

    /// <summary>The pairs of one packed list, in order; <see cref="Count"/> is known before the first.</summary>
    public ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _packed;
        private readonly bool _values;
        private int _position;
        private int _left;
        private int _previous;

        public Reader(ReadOnlySpan<byte> packed, bool values)
        {
            _packed = packed;
            _values = values;
            _left = Count = PackedPairs.Read(packed, ref _position);
            _previous = -1;
        }

        public int Count { get; }

        public bool Next(out int key, out int value)
        {
            if (_left == 0)
            {
                (key, value) = (0, 0);
                return false;
            }

            _left--;
            _previous += PackedPairs.Read(_packed, ref _position) + 1;
            key = _previous;
            value = _values ? PackedPairs.Read(_packed, ref _position) : 0;
            return true;
        }
    }

    private static int Write(byte[] bytes, int position, int value)
    {
        var rest = (uint)value;
        for (; rest >= 0x80; rest >>= 7)
        {
            bytes[position++] = (byte)(rest | 0x80);
        }

        bytes[position++] = (byte)rest;
        return position;
    }

    /// <summary>A 7-bit integer from bytes this class wrote.</summary>
    private static int Read(ReadOnlySpan<byte> bytes, ref int position)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
