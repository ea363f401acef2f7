using System.Buffers.Binary;

namespace NewsSite.Caching;

/// <summary>
/// A 128-bit XxHash3 (<see cref="ContentHash"/>): the one hash the build uses, for file contents, fingerprints and
/// the build cache's keys. Written as 32 hexadecimal digits.
/// </summary>
/// <remarks>Two halves rather than <see cref="UInt128"/>, which ReadyToRun leaves to be compiled at run time.</remarks>
public readonly record struct Hash128(ulong Low, ulong High)
{
    public static Hash128 Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));

    public void Write(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, Low);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], High);
    }

    /// <summary>The 16 bytes in hexadecimal, upper case, in the order <see cref="Write"/> puts them.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[16];
        Write(bytes);
        return Convert.ToHexString(bytes);
    }

    // The halves are hash bits already: either one spreads keys over a table as well as a mix of both.
    public override int GetHashCode() => (int)Low;
}
