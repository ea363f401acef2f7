using NewsSite.Model;

namespace NewsSite.Tests.Model;

public sealed class RelatedArticleCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"));

    private string CachePath => Path.Combine(_folder, RelatedArticleCache.FileName);

    /// <summary>Entries in site order, each with its section and tags given as slugs ("world:a,b").</summary>
    private static List<Entry> Site(params string[] shapes)
    {
        var sections = new Dictionary<string, Section>();
        var tags = new Dictionary<string, Term>();
        var entries = new List<Entry>();
        foreach (var shape in shapes)
        {
            var (sectionSlug, tagSlugs) = (shape.Split(':')[0], shape.Split(':')[1].Split(',', StringSplitOptions.RemoveEmptyEntries));
            var index = entries.Count;
            var entry = new Entry
            {
                Article = new Article { SourcePath = $"content/{sectionSlug}/story-{index}.md", Headline = $"Story {index}", Date = DateTimeOffset.UnixEpoch.AddDays(-index), Slug = $"story-{index}", Body = "" },
                Index = index,
                Route = $"/{sectionSlug}/story-{index}/",
            };
            var section = sections.TryGetValue(sectionSlug, out var s) ? s : sections[sectionSlug] = new Section { Slug = sectionSlug, Name = sectionSlug, Route = $"/{sectionSlug}/" };
            entry.Section = section;
            section.Entries.Add(entry);
            entry.Tags = [.. tagSlugs.Select(t => tags.TryGetValue(t, out var term) ? term : tags[t] = new Term { Slug = t, Name = t, Route = $"/tags/{t}/" })];
            foreach (var term in entry.Tags)
            {
                term.Entries.Add(entry);
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static readonly string[] Shapes = ["world:a,b", "world:b", "politics:a", "world:", "politics:b,c", "business:c", "world:a,c", "politics:"];

    private static int[][] Lists(List<Entry> entries) => [.. entries.Select(e => e.Related.Select(r => r.Index).ToArray())];

    private static int[][] Scored(params string[] shapes)
    {
        var entries = Site(shapes);
        RelatedArticles.Assign(entries, 4);
        return Lists(entries);
    }

    [Fact]
    public void Lists_are_read_back_while_sections_and_tags_stay_as_they_were_and_scored_again_when_they_change()
    {
        new RelatedArticleCache(CachePath, read: true, write: true).Assign(Site(Shapes), 4);

        // The first entry's first related article, changed in the file: a read-back list carries the change.
        var bytes = File.ReadAllBytes(CachePath);
        // The version, the key (its length, then 32 hex digits), the count of entries, the first list's length.
        var firstIndex = sizeof(int) + 1 + 32 + sizeof(int) + 1;
        var tampered = BitConverter.ToInt32(bytes, firstIndex) == 7 ? 6 : 7;
        BitConverter.TryWriteBytes(bytes.AsSpan(firstIndex), tampered);
        File.WriteAllBytes(CachePath, bytes);

        var same = Site(Shapes);
        new RelatedArticleCache(CachePath, read: true, write: true).Assign(same, 4);
        Assert.Equal(tampered, same[0].Related[0].Index);

        // One tag more on one article: another key, so the lists are scored, not read.
        string[] retagged = [.. Shapes[..^1], "politics:a"];
        var changed = Site(retagged);
        new RelatedArticleCache(CachePath, read: true, write: true).Assign(changed, 4);
        Assert.Equal(Scored(retagged), Lists(changed));
    }

    [Fact]
    public void Read_back_lists_are_the_scored_ones()
    {
        new RelatedArticleCache(CachePath, read: true, write: true).Assign(Site(Shapes), 4);
        var again = Site(Shapes);

        new RelatedArticleCache(CachePath, read: true, write: false).Assign(again, 4);

        Assert.Equal(Scored(Shapes), Lists(again));
        Assert.Contains(Lists(again), list => list.Length > 0);
    }

    [Fact]
    public void A_damaged_file_or_a_clean_build_scores_afresh()
    {
        new RelatedArticleCache(CachePath, read: true, write: true).Assign(Site(Shapes), 4);
        var bytes = File.ReadAllBytes(CachePath);
        bytes[^1] = 200;
        File.WriteAllBytes(CachePath, bytes);

        var damaged = Site(Shapes);
        new RelatedArticleCache(CachePath, read: true, write: false).Assign(damaged, 4);
        Assert.Equal(Scored(Shapes), Lists(damaged));

        File.WriteAllBytes(CachePath, bytes[..^3]);
        var cut = Site(Shapes);
        new RelatedArticleCache(CachePath, read: true, write: false).Assign(cut, 4);
        Assert.Equal(Scored(Shapes), Lists(cut));

        var clean = Site(Shapes);
        new RelatedArticleCache(CachePath, read: false, write: false).Assign(clean, 4);
        Assert.Equal(Scored(Shapes), Lists(clean));
    }

    [Fact]
    public void A_garbled_key_length_scores_afresh_instead_of_failing_the_build()
    {
        new RelatedArticleCache(CachePath, read: true, write: true).Assign(Site(Shapes), 4);
        var bytes = File.ReadAllBytes(CachePath);
        bytes.AsSpan(4, 5).Fill(0xFF); // after the version: a length prefix that never ends
        File.WriteAllBytes(CachePath, bytes);

        var garbled = Site(Shapes);
        new RelatedArticleCache(CachePath, read: true, write: false).Assign(garbled, 4);

        Assert.Equal(Scored(Shapes), Lists(garbled));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
