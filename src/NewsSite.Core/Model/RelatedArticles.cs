using NewsSite.Caching;

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

    private static readonly CacheQuery<int[][]> Lists = new("related");

    /// <summary>
    /// Gives every entry its related list. The lists depend on nothing but the order of the entries and each one's
    /// section and tags, so the build cache keeps them by exactly those: the everyday edit (a body, a headline)
    /// reuses them.
    /// </summary>
    public static void Assign(IReadOnlyList<Entry> entries, int count, IBuildCache cache)
    {
        var key = KeyOf(entries, count);
        if (cache.TryGet(Lists, key, out var kept) && kept.Length == entries.Count
            && kept.Select((list, i) => list.All(other => other >= 0 && other < entries.Count && other != i)).All(ok => ok))
        {
            for (var i = 0; i < kept.Length; i++)
            {
                entries[i].Related = [.. kept[i].Select(other => entries[other])];
            }

            return;
        }

        Score(entries, count);
        cache.Put(Lists, key, [.. entries.Select(e => e.Related.Select(r => r.Index).ToArray())]);
    }

    /// <summary>Each entry's section and tags, in the site's order, with the list length.</summary>
    internal static Hash128 KeyOf(IReadOnlyList<Entry> entries, int count)
    {
        var key = new ContentHash.Builder().Add(count).Add(entries.Count);
        foreach (var entry in entries)
        {
            key.Add(entry.Section?.Slug).Add(entry.Tags.Count);
            foreach (var tag in entry.Tags)
            {
                key.Add(tag.Slug);
            }
        }

        return key.Finish();
    }

    private static void Score(IReadOnlyList<Entry> entries, int count)
    {
        var positions = Positions(entries);
        Parallel.For(
            0,
            entries.Count,
            () => new Scores(entries.Count),
            (i, _, scores) =>
            {
                entries[i].Related = Pick(entries, entries[i], count, positions, scores);
                return scores;
            },
            _ => { });
    }

    /// <summary>
    /// Each tag's and section's entries as their positions in the site, in one array each: the scores walk
    /// hundreds of them for every article, and read them from one array rather than from an object apiece.
    /// </summary>
    private static Dictionary<List<Entry>, int[]> Positions(IReadOnlyList<Entry> entries)
    {
        var positions = new Dictionary<List<Entry>, int[]>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
        {
            foreach (var tag in entry.Tags)
            {
                Add(tag.Entries);
            }

            if (entry.Section is { } section)
            {
                Add(section.Entries);
            }
        }

        return positions;

        void Add(List<Entry> list)
        {
            if (!positions.ContainsKey(list))
            {
                positions[list] = [.. list.Select(e => e.Index)];
            }
        }
    }

    private static Entry[] Pick(IReadOnlyList<Entry> entries, Entry entry, int count, Dictionary<List<Entry>, int[]> positions, Scores scores)
    {
        foreach (var tag in entry.Tags)
        {
            AddNearby(positions[tag.Entries], entry.Index, TagWeight, scores);
        }

        if (entry.Section is { } section)
        {
            AddNearby(positions[section.Entries], entry.Index, 1, scores);
        }

        var picked = scores.Top(entry.Index, count);
        scores.Clear();
        return [.. picked.Select(i => entries[i])];
    }

    private static void AddNearby(int[] list, int self, int weight, Scores scores)
    {
        var start = 0;
        var end = list.Length;
        if (list.Length > Window)
        {
            // Lists are newest first, like the entries, so their positions ascend.
            var position = Array.BinarySearch(list, self);
            position = position < 0 ? ~position : position;
            start = Math.Clamp(position - (Window / 2), 0, list.Length - Window);
            end = start + Window;
        }

        for (var i = start; i < end; i++)
        {
            var other = list[i];
            if (other != self)
            {
                scores.Add(other, weight);
            }
        }
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
