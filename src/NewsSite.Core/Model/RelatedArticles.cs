namespace NewsSite.Model;

/// <summary>
/// Picks up to N related articles: most shared tags first, then the same section, then the nearest in time.
/// </summary>
internal static class RelatedArticles
{
    /// <summary>
    /// Popular tags carry thousands of articles; looking only at the nearest ones in time keeps this linear in
    /// the archive's size, and near-in-time stories are what readers want anyway.
    /// </summary>
    private const int Window = 200;

    private const int TagWeight = 16;

    public static void Assign(IReadOnlyList<Entry> entries, int count) =>
        Parallel.For(
            0,
            entries.Count,
            () => new Scores(entries.Count),
            (i, _, scores) =>
            {
                entries[i].Related = Pick(entries, entries[i], count, scores);
                return scores;
            },
            _ => { });

    private static Entry[] Pick(IReadOnlyList<Entry> entries, Entry entry, int count, Scores scores)
    {
        foreach (var tag in entry.Tags)
        {
            AddNearby(tag.Entries, entry, TagWeight, scores);
        }

        if (entry.Section is { } section)
        {
            AddNearby(section.Entries, entry, 1, scores);
        }

        var picked = scores.Top(entry.Index, count);
        scores.Clear();
        return [.. picked.Select(i => entries[i])];
    }

    private static void AddNearby(List<Entry> list, Entry entry, int weight, Scores scores)
    {
        var start = 0;
        var end = list.Count;
        if (list.Count > Window)
        {
            // Lists are newest first, like the entries, so their Index values ascend.
            var position = BinarySearch(list, entry.Index);
            start = Math.Clamp(position - (Window / 2), 0, list.Count - Window);
            end = start + Window;
        }

        for (var i = start; i < end; i++)
        {
            var other = list[i].Index;
            if (other != entry.Index)
            {
                scores.Add(other, weight);
            }
        }
    }

    private static int BinarySearch(List<Entry> list, int index)
    {
        var (low, high) = (0, list.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var value = list[middle].Index;
            if (value == index)
            {
                return middle;
            }

            (low, high) = value < index ? (middle + 1, high) : (low, middle - 1);
        }

        return low;
    }

    /// <summary>Per-thread scratch: a score per entry index and the indices touched, reset after each pick.</summary>
    private sealed class Scores(int size)
    {
        private readonly int[] _score = new int[size];
        private readonly List<int> _touched = [];

        public void Add(int index, int weight)
        {
            if (_score[index] == 0)
            {
                _touched.Add(index);
            }

            _score[index] += weight;
        }

        /// <summary>Highest score first, then nearest in time to <paramref name="self"/>, then newer.</summary>
        public List<int> Top(int self, int count)
        {
            var best = new List<int>(count + 1);
            foreach (var candidate in _touched)
            {
                var at = best.Count;
                while (at > 0 && Better(candidate, best[at - 1], self))
                {
                    at--;
                }

                if (at < count)
                {
                    best.Insert(at, candidate);
                    if (best.Count > count)
                    {
                        best.RemoveAt(count);
                    }
                }
            }

            return best;
        }

        public void Clear()
        {
            foreach (var index in _touched)
            {
                _score[index] = 0;
            }

            _touched.Clear();
        }

        private bool Better(int a, int b, int self)
        {
            if (_score[a] != _score[b])
            {
                return _score[a] > _score[b];
            }

            var (da, db) = (Math.Abs(a - self), Math.Abs(b - self));
            return da != db ? da < db : a < b;
        }
    }
}
