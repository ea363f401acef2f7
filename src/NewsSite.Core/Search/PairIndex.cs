namespace NewsSite.Search;

/// <summary>
/// For each <see cref="WordPairs"/> bucket, the articles that hold a pair of that bucket, as the pair files carry
/// them: ascending ids, each as its gap to the one before less one (the first counted from −1), in
/// <see cref="VarintText"/>. Held as blocks of consecutive articles, each of which a build keeps in its cache, and
/// joined bucket by bucket when written: a block's first gap is counted again from the last article of the blocks
/// before it.
/// </summary>
internal sealed class PairIndex(IReadOnlyList<PairBlock> blocks)
{
    /// <summary>The bucket's postings, written into <paramref name="scratch"/> (made larger when it is too small).</summary>
    public ReadOnlySpan<byte> Utf8(int bucket, ref byte[] scratch)
    {
        var length = 0;
        var last = -1;
        foreach (var block in blocks)
        {
            var list = block.Utf8(bucket);
            if (list.IsEmpty)
            {
                continue;
            }

            var gap = VarintText.ReadFirst(list, out var digits);
            if (scratch.Length < length + VarintText.MaxLength + list.Length)
            {
                Array.Resize(ref scratch, Math.Max(scratch.Length * 2, length + VarintText.MaxLength + list.Length));
            }

            length += VarintText.Write(scratch.AsSpan(length), block.First + gap - last - 1);
            list[digits..].CopyTo(scratch.AsSpan(length));
            length += list.Length - digits;
            last = block.Lasts[bucket];
        }

        return scratch.AsSpan(0, length);
    }

    public IReadOnlyList<int> Documents(int bucket)
    {
        var scratch = Array.Empty<byte>();
        var documents = new List<int>();
        var previous = -1;
        foreach (var gap in VarintText.Decode(System.Text.Encoding.ASCII.GetString(Utf8(bucket, ref scratch))))
        {
            previous += gap + 1;
            documents.Add(previous);
        }

        return documents;
    }
}
