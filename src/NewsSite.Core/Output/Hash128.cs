using System.Buffers.Binary;
using System.IO.Hashing;

namespace NewsSite.Output;

/// <summary>A 128-bit hash used as a key: two 64-bit halves.</summary>
/// <remarks>
/// Not <see cref="UInt128"/>: ReadyToRun leaves out every method that touches it, so each was compiled at run
/// time, on every build. Those keyed by it (the search cache's reading, writing and sets of keys) were 80 ms of
/// the 225 ms a one-article rebuild at 10,000 articles spent compiling.
/// </remarks>
internal readonly record struct Hash128(ulong Low, ulong High)
{
    public static Hash128 Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        return Read(hash);
    }

    public static Hash128 Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));

    public void Write(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, Low);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], High);
    }

    // The halves are hash bits already: either one spreads keys over a table as well as a mix of both.
    public override int GetHashCode() => (int)Low;
}
