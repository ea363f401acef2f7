using MemoryPack;

namespace NewsSite.Search;

/// <summary>
/// The pair postings of a run of consecutive articles, as the build cache keeps them (<see cref="PairIndex"/>): for
/// each bucket, ascending ids, each as its gap to the one before less one (the first counted from the run's first
/// id less one), in <see cref="VarintText"/>; all buckets' lists one after the other, with where each ends and its
/// last id.
/// </summary>
[MemoryPackable]
internal sealed partial record PairBlock(int First, int[] Ends, int[] Lasts, byte[] Bytes)
{
    /// <summary>The bucket's list (empty when no article of the run has a pair of it).</summary>
    public ReadOnlySpan<byte> Utf8(int bucket)
    {
        var start = bucket == 0 ? 0 : Ends[bucket - 1];
        return Bytes.AsSpan(start, Ends[bucket] - start);
    }

    /// <summary>False for a block that could not have been made here (one read from a damaged cache).</summary>
    /// <param name="first">The id of the block's first article.</param>
    /// <param name="end">The id after the block's last article.</param>
    public bool IsSound(int first, int end)
    {
        if (Ends.Length != WordPairs.Buckets || Lasts.Length != WordPairs.Buckets || First != first || First < 0 || end < First)
        {
            return false;
        }

        for (var bucket = 0; bucket < Ends.Length; bucket++)
        {
            // A list's first and last ids must lie in the block, the first no later than the last, so that joining
            // blocks never counts a gap backwards; an empty list's last id is the one before the block.
            var start = bucket == 0 ? 0 : Ends[bucket - 1];
            if (Ends[bucket] < start || Ends[bucket] > Bytes.Length || Lasts[bucket] >= end)
            {
                return false;
            }

            if (Ends[bucket] == start)
            {
                if (Lasts[bucket] != First - 1)
                {
                    return false;
                }

                continue;
            }

            var gap = VarintText.ReadFirst(Bytes.AsSpan(start, Ends[bucket] - start), out _);
            if (gap < 0 || gap > Lasts[bucket] - First)
            {
                return false;
            }
        }

        return Ends[^1] == Bytes.Length;
    }
}
