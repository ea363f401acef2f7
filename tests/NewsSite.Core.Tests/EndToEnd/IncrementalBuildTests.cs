using System.Text;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>An incremental build must give exactly what a clean build gives, and do only the work a change needs.</summary>
public sealed class IncrementalBuildTests
{
    private static string Corpus()
    {
        var text = new StringBuilder("""
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/
            page_size: 3
            """);
        for (var i = 1; i <= 12; i++)
        {
            var section = (i % 3) switch { 0 => "world", 1 => "politics", _ => "business" };
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"""

                -- content/{section}/story-{i}.md --
                ---
                headline: Story number {i}
                date: 2025-03-{i:D2}T10:00:00Z
                tags: [Tag {i % 4}, Common]
                authors: [Author {i % 2}]
                key_points: [First point of {i}, Second point]
                ---
                The first paragraph of story {i}.

                ## A subheading

                More text for {i}.
                """);
        }

        return text.ToString();
    }

    /// <summary>The corpus with media beside the articles and an image of the theme's own.</summary>
    private static TestSite CreateCorpus()
    {
        var site = TestSite.Create(Corpus());
        Edit(site, "content/politics/story-1.md", "key_points:", "image: { src: /media/photo.png, alt: A photo }\nkey_points:");
        site.WriteBytes("content/media/photo.png", Png(640, 360));
        site.WriteBytes("content/media/factsheet.pdf", "%PDF-1.4 first"u8.ToArray());
        site.WriteBytes("templates/assets/badge.png", Png(32, 32));
        return site;
    }

    /// <summary>A real PNG picture of that size; <paramref name="alpha"/> gives other bytes for the same size.</summary>
    private static byte[] Png(int width, int height, bool alpha = false) =>
        alpha ? Pictures.TestPictures.Plain(width, height, bands: 4).PngsaveBuffer() : Pictures.TestPictures.Png(width, height);

    public static TheoryData<string, Action<TestSite>> Changes() => new()
    {
        { "body edited", s => Edit(s, "content/world/story-3.md", "More text for 3.", "Rewritten text.") },
        { "first paragraph edited (summary changes)", s => Edit(s, "content/world/story-6.md", "The first paragraph of story 6.", "A new opening.") },
        { "headline edited", s => Edit(s, "content/politics/story-4.md", "headline: Story number 4", "headline: A new headline") },
        { "tags changed", s => Edit(s, "content/business/story-5.md", "tags: [Tag 1, Common]", "tags: [Tag 9]") },
        { "article added", s => s.WriteFile("content/world/new-one.md", "---\nheadline: Brand new\ndate: 2025-03-20T10:00:00Z\ntags: [Common]\n---\nNew.\n") },
        { "article deleted", s => File.Delete(Path.Combine(s.Source, "content/politics/story-7.md")) },
        { "article moved to another section", s => Edit(s, "content/business/story-8.md", "headline: Story number 8", "section: world\nheadline: Story number 8") },
        { "template changed", s => s.WriteFile("templates/partials/footer.html", "<footer><p>Changed footer</p></footer>\n") },
        { "config changed", s => Edit(s, "site.yaml", "title: Test Times", "title: Other Times") },
        { "asset added", s => s.WriteBytes("content/media/x.txt", "hello"u8.ToArray()) },
        { "image's bytes changed, same size in pixels", s => s.WriteBytes("content/media/photo.png", Png(640, 360, alpha: true)) },
        { "image replaced by one of another size", s => s.WriteBytes("content/media/photo.png", Png(1280, 720)) },
        { "image added", s => s.WriteBytes("content/media/new.png", Png(100, 50)) },
        { "media file removed", s => File.Delete(Path.Combine(s.Source, "content/media/factsheet.pdf")) },
        { "media file's bytes changed", s => s.WriteBytes("content/media/factsheet.pdf", "%PDF-1.4 other"u8.ToArray()) },
        { "theme image changed", s => s.WriteBytes("templates/assets/badge.png", Png(32, 32, alpha: true)) },
        { "theme image removed", s => File.Delete(Path.Combine(s.Source, "templates/assets/badge.png")) },
        { "theme stylesheet changed", s => s.WriteFile("templates/assets/style.css", "body { color: #222; }\n") },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void An_incremental_build_after_a_change_equals_a_clean_build(string change, Action<TestSite> apply)
    {
        // Settled files: the unchanged articles come from the article cache, as in a newsroom's repository.
        using var site = CreateCorpus();
        site.Settle();
        site.Build().AssertSucceeded();

        apply(site);
        var incremental = site.Build();
        incremental.AssertSucceeded();

        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        clean.AssertSucceeded();
        Assert.True(OutputHashes.Of(site.Output).SequenceEqual(OutputHashes.Of(clean.Output)), $"{change}: incremental and clean output differ");

        // And once more, incremental on top of incremental (the spare tree is in use from now on).
        site.WriteFile("content/world/later.md", "---\nheadline: Later\ndate: 2025-03-25T10:00:00Z\ntags: [Tag 2]\n---\nLater.\n");
        var again = site.Build();
        again.AssertSucceeded();
        var cleanAgain = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean2"), Incremental = false });
        Assert.True(OutputHashes.Of(site.Output).SequenceEqual(OutputHashes.Of(cleanAgain.Output)), $"{change} (twice): incremental and clean output differ");
    }

    [Fact]
    public void Many_changes_in_a_row_stay_equal_to_clean_builds()
    {
        using var site = CreateCorpus();
        site.Settle();
        site.Build().AssertSucceeded();
        var step = 0;
        foreach (var (_, apply) in Changes().Select(row => ((string)row[0], (Action<TestSite>)row[1])))
        {
            apply(site);
            site.Build().AssertSucceeded();
            var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, $"clean{step++}"), Incremental = false });
            Assert.Equal(OutputHashes.Of(clean.Output), OutputHashes.Of(site.Output));
        }
    }

    [Fact]
    public void A_site_whose_search_pairs_fill_several_blocks_stays_equal_to_a_clean_build()
    {
        // Over 1,024 articles the index's pairs are kept in blocks; an edit in the first and an article added after
        // the last change one block each, and the others come from the cache.
        var text = new StringBuilder("-- site.yaml --\ntitle: Test Times\nbase_url: https://news.example/\n");
        for (var i = 0; i < 1100; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"-- content/world/s{i:D4}.md --\n---\nheadline: Story {i % 40}\ndate: {new DateTime(2020, 1, 1).AddHours(i * 7):yyyy-MM-ddTHH:mm:ss}Z\n---\nWord{i % 13} word{i % 29} river rise.\n");
        }

        using var site = TestSite.Create(text.ToString());
        site.Settle();
        site.Build().AssertSucceeded();
        Edit(site, "content/world/s0003.md", "river rise.", "flood warning river.");
        site.WriteFile("content/world/s9999.md", "---\nheadline: Latest\ndate: 2021-01-01T00:00:00Z\n---\nA flood warning.\n");
        site.Build().AssertSucceeded();
        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        Assert.Equal(OutputHashes.Of(clean.Output), OutputHashes.Of(site.Output));
    }

    [Fact]
    public void Nothing_changed_renders_and_writes_nothing()
    {
        using var site = TestSite.Create(Corpus());
        var first = site.Build();
        first.AssertSucceeded();
        Assert.Equal(first.Result.Pages, first.Result.PagesRendered);

        var second = site.Build();
        second.AssertSucceeded();
        Assert.Equal(first.Result.Pages, second.Result.Pages);
        Assert.Equal(0, second.Result.PagesRendered);

        var third = site.Build();
        Assert.Equal(0, third.Result.PagesRendered);
        Assert.Equal(0, third.Result.FilesWritten);
    }

    [Fact]
    public void A_body_edit_renders_only_the_article_page()
    {
        using var site = TestSite.Create(Corpus());
        site.Build().AssertSucceeded();
        site.Build().AssertSucceeded();

        Edit(site, "content/world/story-3.md", "More text for 3.", "Rewritten text.");
        var edited = site.Build();
        edited.AssertSucceeded();
        Assert.Equal(1, edited.Result.PagesRendered);
        Assert.Contains("Rewritten text.", edited.Text("world/2025/03/03/story-3/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_headline_edit_renders_the_lists_that_show_it_and_not_the_others()
    {
        using var site = TestSite.Create(Corpus());
        site.Build().AssertSucceeded();

        Edit(site, "content/politics/story-4.md", "headline: Story number 4", "headline: A new headline");
        var edited = site.Build();
        edited.AssertSucceeded();
        Assert.InRange(edited.Result.PagesRendered, 2, edited.Result.Pages / 2);
        Assert.Contains("A new headline", edited.Text("politics/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_edit_reaches_the_feeds_that_carry_full_content_and_only_changes_those()
    {
        using var site = TestSite.Create(Corpus().Replace("page_size: 3", "page_size: 3\nfeeds: { full_content: true }", StringComparison.Ordinal));
        site.Settle();
        site.Build().AssertSucceeded();
        var before = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "before"), Incremental = false });

        Edit(site, "content/world/story-3.md", "More text for 3.", "Rewritten text for the feeds.");
        var edited = site.Build();
        edited.AssertSucceeded();
        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        Assert.Equal(OutputHashes.Of(clean.Output), OutputHashes.Of(site.Output));

        // The article's item, parsed from the world feed, carries the new body; a feed without it is unchanged.
        var content = edited.Xml("world/index.xml").Descendants("item")
            .Single(i => i.Element("title")?.Value == "Story number 3")
            .Element(System.Xml.Linq.XName.Get("encoded", "http://purl.org/rss/1.0/modules/content/"))!.Value;
        Assert.Contains("Rewritten text for the feeds.", content, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(before.Output, "politics/index.xml")), File.ReadAllBytes(Path.Combine(site.Output, "politics/index.xml")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(before.Output, "world/index.xml")), File.ReadAllBytes(Path.Combine(site.Output, "world/index.xml")));
    }

    [Fact]
    public void Unchanged_articles_are_not_read_again_and_keep_their_warnings()
    {
        // A control character (a warning from reading the file) and unsafe links (warnings from its body's checks).
        using var site = TestSite.Create(Corpus() + "\n-- content/world/risky.md --\n---\nheadline: A risky\u0001 link\n"
            + "date: 2025-03-13T10:00:00Z\nkey_points: [\"See [this](javascript:alert(1))\"]\n---\nBody with a [bad link](javascript:alert(2)).\n");
        site.Settle();
        var first = site.Build();
        first.AssertSucceeded();
        Assert.Equal(13, first.Result.ArticlesRead);
        var warnings = first.Messages.Where(m => m.Contains("risky.md", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, warnings.Count);

        Edit(site, "content/world/story-3.md", "More text for 3.", "Rewritten text.");
        var edited = site.Build();
        edited.AssertSucceeded();
        Assert.Equal(1, edited.Result.ArticlesRead);
        Assert.Equal(warnings, edited.Messages.Where(m => m.Contains("risky.md", StringComparison.Ordinal)));

        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        Assert.Equal(13, clean.Result.ArticlesRead);
        Assert.Equal(OutputHashes.Of(clean.Output), OutputHashes.Of(site.Output));
    }

    [Fact]
    public void A_cached_article_whose_file_changed_behind_its_stamp_fails_the_build_instead_of_mixing_versions()
    {
        using var site = TestSite.Create(Corpus());
        site.Settle();
        site.Build().AssertSucceeded();

        // Same size, time put back: the cache still vouches for the front matter, but the body read for the page
        // (its title changed, so the page renders) no longer matches the recorded hash.
        var path = Path.Combine(site.Source, "content/world/story-3.md");
        var time = File.GetLastWriteTimeUtc(path);
        Edit(site, "content/world/story-3.md", "More text for 3.", "Less text for 3.");
        File.SetLastWriteTimeUtc(path, time);
        Edit(site, "site.yaml", "title: Test Times", "title: Best Times");
        var build = site.Build();
        Assert.False(build.Result.Succeeded);
        Assert.Contains(build.Messages, m => m.StartsWith("content/world/story-3.md:1:1: error NS0003:", StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_ignores_what_earlier_builds_left()
    {
        using var site = TestSite.Create(Corpus());
        site.Build().AssertSucceeded();
        var clean = site.Build(o => o with { Incremental = false });
        Assert.Equal(clean.Result.Pages, clean.Result.PagesRendered);
    }

    [Fact]
    public void A_failed_incremental_build_keeps_the_output_and_the_next_build_is_still_right()
    {
        using var site = TestSite.Create(Corpus());
        site.Build().AssertSucceeded();
        site.Build().AssertSucceeded();
        var before = OutputHashes.Of(site.Output);

        Edit(site, "content/world/story-3.md", "More text for 3.", "Half done.");
        site.WriteFile("content/world/broken.md", "---\nheadline: Broken\n---\n");
        Assert.False(site.Build().Result.Succeeded);
        Assert.Equal(before, OutputHashes.Of(site.Output));

        File.Delete(Path.Combine(site.Source, "content/world/broken.md"));
        site.Build().AssertSucceeded();
        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        Assert.Equal(OutputHashes.Of(clean.Output), OutputHashes.Of(site.Output));
    }

    [Fact]
    public void A_spare_tree_changed_by_hand_is_not_trusted()
    {
        using var site = TestSite.Create(Corpus());
        site.Build().AssertSucceeded();
        site.Build().AssertSucceeded();

        // Someone edits the kept spare: its folder's stamp no longer matches the recorded one.
        var spare = Path.Combine(site.Root, ".out.newssite", "spare");
        Assert.True(Directory.Exists(spare));
        File.WriteAllText(Path.Combine(spare, "stray.html"), "stray");

        Edit(site, "content/world/story-3.md", "More text for 3.", "Rewritten text.");
        site.Build().AssertSucceeded();
        Assert.False(File.Exists(Path.Combine(site.Output, "stray.html")));
        var clean = site.Build(o => o with { OutputRoot = Path.Combine(site.Root, "clean"), Incremental = false });
        Assert.Equal(OutputHashes.Of(clean.Output), OutputHashes.Of(site.Output));
    }

    private static void Edit(TestSite site, string path, string from, string to)
    {
        var full = Path.Combine(site.Source, path);
        var text = File.ReadAllText(full);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(full, text.Replace(from, to, StringComparison.Ordinal));
    }
}
