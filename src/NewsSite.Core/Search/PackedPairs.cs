namespace NewsSite.Search;

/// <summary>
/// A list of (number, value) pairs with distinct numbers, packed: the count, then the pairs in ascending order of
/// number, each number as its gap from the one before less one, both as 7-bit integers
/// (<see cref="BinaryWriter.Write7BitEncodedInt"/>). The analyses in memory and the analysis cache share it.
/// </summary>
internal static class PackedPairs
{
    public static byte[] Pack(int[] keys, int[] values)
    {
        var sortedKeys = (int[])keys.Clone();
        var sortedValues = (int[])values.Clone();
        Array.Sort(sortedKeys, sortedValues);
        using var buffer = new MemoryStream(1 + (keys.Length * 4));
        using (var writer = new BinaryWriter(buffer))
        {
            Write(writer, sortedKeys, sortedValues);
        }

        return buffer.ToArray();
    }

    /// <param name="keys">Ascending and distinct.</param>
    public static void Write(BinaryWriter writer, int[] keys, int[] values)
    {
        writer.Write7BitEncodedInt(keys.Length);
        var previous = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] <= previous)
            {
                throw new ArgumentException("the numbers of packed pairs must be distinct", nameof(keys));
            }

            writer.Write7BitEncodedInt(keys[i] - previous - 1);
            writer.Write7BitEncodedInt(values[i]);
            previous = keys[i];
        }
    }

    public static (int[] Keys, int[] Values) Unpack(ReadOnlySpan<byte> packed)
    {
        var position = 0;
        var count = Read(packed, ref position);
        var keys = new int[count];
        var values = new int[count];
        var previous = -1;
        for (var i = 0; i < count; i++)
        {
            previous += Read(packed, ref position) + 1;
            keys[i] = previous;
            values[i] = Read(packed, ref position);
        }

        return (keys, values);
    }

    /// <summary>Sets <paramref name="used"/> for every number, and every value when the values are numbers too.</summary>
    public static void Mark(ReadOnlySpan<byte> packed, bool[] used, bool secondIsString)
    {
        var position = 0;
        var count = Read(packed, ref position);
        var previous = -1;
        for (var i = 0; i < count; i++)
        {
            previous += Read(packed, ref position) + 1;
            used[previous] = true;
            var value = Read(packed, ref position);
            if (secondIsString)
            {
                used[value] = true;
            }
        }
    }

    /// <summary>A 7-bit integer from bytes this class wrote (checked ones, for the cache's: see its reader).</summary>
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
