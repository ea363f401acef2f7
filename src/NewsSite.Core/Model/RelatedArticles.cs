namespace NewsSite.Model;

/// <summary>
/// Picks up to N related articles: most shared tags first, then the same section, then the most recent.
/// </summary>
internal static class RelatedArticles
{
    /// <summary>
    /// Popular tags carry thousands of articles; looking only at the nearest ones in time keeps this linear in
    /// the archive's size, and near-in-time stories are what readers want anyway.
    /// </summary>
    private const int Window = 200;

    public static void Assign(IReadOnlyList<Entry> entries, int count)
    {
        var index = new Dictionary<Entry, int>(entries.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entries.Count; i++)
        {
            index[entries[i]] = i;
        }

        Parallel.For(0, entries.Count, i => entries[i].Related = Pick(entries[i], index, count));
    }

    private static IReadOnlyList<Entry> Pick(Entry entry, Dictionary<Entry, int> index, int count)
    {
        var scores = new Dictionary<Entry, int>(ReferenceEqualityComparer.Instance);
        foreach (var tag in entry.Tags)
        {
            foreach (var other in Nearby(tag.Entries, entry, index))
            {
                if (!ReferenceEquals(other, entry))
                {
                    scores[other] = scores.GetValueOrDefault(other) + 10;
                }
            }
        }

        if (entry.Section is { } section)
        {
            foreach (var other in Nearby(section.Entries, entry, index))
            {
                if (!ReferenceEquals(other, entry))
                {
                    scores[other] = scores.GetValueOrDefault(other) + 1;
                }
            }
        }

        return
        [
            .. scores
                .OrderByDescending(p => p.Value)
                .ThenBy(p => Math.Abs(index[p.Key] - index[entry]))
                .ThenBy(p => index[p.Key])
                .Take(count)
                .Select(p => p.Key),
        ];
    }

    /// <summary>The entries of a list (newest first) that lie nearest to <paramref name="entry"/> in time.</summary>
    private static IEnumerable<Entry> Nearby(List<Entry> list, Entry entry, Dictionary<Entry, int> index)
    {
        if (list.Count <= Window)
        {
            return list;
        }

        var position = list.BinarySearch(entry, Comparer<Entry>.Create((a, b) => index[a].CompareTo(index[b])));
        var start = Math.Clamp((position < 0 ? ~position : position) - (Window / 2), 0, list.Count - Window);
        return list.GetRange(start, Window);
    }
}
