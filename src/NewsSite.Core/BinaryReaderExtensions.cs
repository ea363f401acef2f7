namespace NewsSite;

/// <summary>Stepping over what <see cref="BinaryWriter"/> wrote, to check a cached block without making its values.</summary>
internal static class BinaryReaderExtensions
{
    /// <summary>Steps over a string: its 7-bit encoded length, then that many bytes.</summary>
    /// <exception cref="InvalidDataException">The length is negative or runs past the stream.</exception>
    public static void SkipString(this BinaryReader r)
    {
        var length = r.Read7BitEncodedInt();
        if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position)
        {
            throw new InvalidDataException("a string runs past the end of its data");
        }

        r.BaseStream.Seek(length, SeekOrigin.Current);
    }
}
