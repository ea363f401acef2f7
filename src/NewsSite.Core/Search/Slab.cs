namespace NewsSite.Search;

/// <summary>
/// Hands out runs of large byte arrays for what a build holds to the end of a stage (every article's analysis, until
/// the index is written). The collector never moves a large array, so what it holds costs no copying however many
/// collections it outlives, and a run costs no allocation of its own. Not thread-safe: one per thread.
/// </summary>
internal sealed class Slab
{
    /// <summary>Just over the large object heap's threshold (85,000 bytes): an array is let go with the runs in it.</summary>
    private const int Length = 96 * 1024;

    private byte[] _array = [];
    private int _used;

    /// <summary>A run of <paramref name="length"/> bytes: <c>array[start..(start + length)]</c>, its own to fill.</summary>
    public byte[] Take(int length, out int start)
    {
        if (length > _array.Length - _used)
        {
            _array = new byte[Math.Max(Length, length)];
            _used = 0;
        }

        start = _used;
        _used += length;
        return _array;
    }
}
