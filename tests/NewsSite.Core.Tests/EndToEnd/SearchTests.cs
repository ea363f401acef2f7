using NewsSite.Search;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

public sealed class SearchTests
{
    private const string Fixture = """
        -- site.yaml --
        title: Test Times
        base_url: https://news.example/
        sections: [World, Science, Sport]
        -- content/world/quake.md --
        ---
        headline: Earthquake Shakes the Coastal Cities
        date: 2025-03-01T10:00:00Z
        tags: [Disasters]
        authors: [Ana Lima]
        key_points:
          - label: Damage
            text: Buildings collapsed in **three** towns.
        ---
        Rescuers searched the rubble through the night. Café owners offered shelter.
        -- content/science/seismology.md --
        ---
        headline: How Seismologists Read the Ground
        date: 2025-02-01T10:00:00Z
        summary: Instruments, not guesses.
        ---
        An earthquake is measured by instruments called seismometers.
        -- content/sport/final.md --
        ---
        headline: Final Goes to Extra Time
        date: 2025-03-02T10:00:00Z
        ---
        The match ended level <script>alert(1)</script> after ninety minutes.
        """;

    [Fact]
    public void The_search_page_is_a_plain_GET_form_with_the_index_location_and_indexed_sections()
    {
        var (site, built) = TestSite.Build(Fixture);
        using var _ = site;
        built.AssertSucceeded();
        var page = built.Html("search/index.html");
        var form = page.QuerySelector("main form.search-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search/", form.GetAttribute("action"));
        Assert.Equal("q", page.QuerySelector("#search-q")!.GetAttribute("name"));
        Assert.Equal("Words to find", page.QuerySelector("label[for=search-q]")!.TextContent);
        Assert.Equal("/search/data/meta.json", page.QuerySelector(".search-page")!.GetAttribute("data-search-index"));
        Assert.Equal(["", "world", "science", "sport"], page.QuerySelectorAll("#search-section option").Select(o => o.GetAttribute("value")));
        Assert.Equal("status", page.QuerySelector("#search-status")!.GetAttribute("role"));
        // Scripts and stylesheets are published under their content hash.
        var script = page.QuerySelector("head script[defer]")!.GetAttribute("src")!;
        var stylesheet = page.QuerySelectorAll("head link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.Contains("/search.", StringComparison.Ordinal));
        Assert.Matches(@"^/assets/search\.[0-9a-f]{10}\.js$", script);
        Assert.Matches(@"^/assets/search\.[0-9a-f]{10}\.css$", stylesheet);
        Assert.Null(page.QuerySelector("meta[name=robots]"));
        Assert.Equal("https://news.example/search/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.DoesNotContain("/search/", built.Text("sitemap.xml"), StringComparison.Ordinal);
        Assert.True(built.Exists(script[1..]));
        Assert.True(built.Exists(stylesheet[1..]));
    }

    [Fact]
    public void Every_page_has_a_search_box_in_the_masthead()
    {
        var (site, built) = TestSite.Build(Fixture);
        using var _ = site;
        foreach (var file in new[] { "index.html", "world/2025/03/01/quake/index.html", "404.html" })
        {
            var box = built.Html(file).QuerySelector("header.masthead form.search-box[role=search]");
            Assert.NotNull(box);
            Assert.Equal("/search/", box.GetAttribute("action"));
            Assert.Equal("q", box.QuerySelector("input[type=search]")!.GetAttribute("name"));
            Assert.NotNull(box.QuerySelector("label[for=search-box-q]"));
        }
    }

    [Fact]
    public void The_index_finds_articles_by_any_field_folded_and_stemmed()
    {
        var (site, built) = TestSite.Build(Fixture);
        using var _ = site;
        var index = new BuiltSearchIndex(built);
        Assert.Equal(3, index.Documents);
        Assert.Equal(["/world/2025/03/01/quake/"], index.UrlsFor("rescuer"));
        Assert.Equal(["/world/2025/03/01/quake/"], index.UrlsFor("CAFE"));
        Assert.Equal(["/world/2025/03/01/quake/"], index.UrlsFor("collapse"));
        Assert.Equal(["/world/2025/03/01/quake/"], index.UrlsFor("disaster"));
        Assert.Equal(["/world/2025/03/01/quake/"], index.UrlsFor("lima"));
        Assert.Equal(["/science/2025/02/01/seismology/", "/world/2025/03/01/quake/"], index.UrlsFor("earthquakes"));
        Assert.Empty(index.UrlsFor("alert"));
        Assert.Empty(index.UrlsFor("the"));
    }

    [Fact]
    public void Documents_run_oldest_first_and_carry_what_results_show()
    {
        var (site, built) = TestSite.Build(Fixture);
        using var _ = site;
        var index = new BuiltSearchIndex(built);
        var first = index.Document(0);
        Assert.Equal("/science/2025/02/01/seismology/", first.GetProperty("url").GetString());
        Assert.Equal("How Seismologists Read the Ground", first.GetProperty("headline").GetString());
        Assert.Equal("1 Feb 2025", first.GetProperty("date").GetString());
        Assert.Equal("Instruments, not guesses.", first.GetProperty("text").GetString());
        Assert.Equal("Damage: Buildings collapsed in three towns.", index.Document(1).GetProperty("text").GetString()!.Split(" · ")[^1]);
        Assert.Equal(["world", "science", "sport"], index.Meta.GetProperty("sections").EnumerateArray().Select(s => s[0].GetString()));
    }

    [Fact]
    public void A_headline_match_outweighs_a_body_match()
    {
        var (site, built) = TestSite.Build(Fixture);
        using var _ = site;
        var postings = new BuiltSearchIndex(built).Postings("earthquak");
        var quake = postings.Single(p => p.Document == 1).Level;
        var seismology = postings.Single(p => p.Document == 0).Level;
        Assert.True(quake > seismology, $"headline {quake}, body {seismology}");
    }

    [Fact]
    public void Only_the_configured_sections_are_indexed()
    {
        var (site, built) = TestSite.Build(Fixture.Replace("sections: [World, Science, Sport]", "sections: [World, Science, Sport]\nsearch: { sections: [world, sport] }", StringComparison.Ordinal));
        using var _ = site;
        built.AssertSucceeded();
        var index = new BuiltSearchIndex(built);
        Assert.Equal(2, index.Documents);
        Assert.Equal(["/world/2025/03/01/quake/"], index.UrlsFor("earthquake"));
        Assert.Equal(["", "world", "sport"], built.Html("search/index.html").QuerySelectorAll("#search-section option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void An_unknown_section_to_index_is_a_warning()
    {
        var (site, built) = TestSite.Build(Fixture.Replace("sections: [World, Science, Sport]", "sections: [World]\nsearch: { sections: [weather] }", StringComparison.Ordinal));
        using var _ = site;
        built.AssertSucceeded();
        built.AssertDiagnostic("site.yaml:1:1: warning NS0502: search.sections names 'weather', which is not a section of this site");
    }

    [Fact]
    public void With_search_off_there_is_no_page_no_index_and_no_box()
    {
        var (site, built) = TestSite.Build(Fixture.Replace("sections: [World, Science, Sport]", "search: false", StringComparison.Ordinal));
        using var _ = site;
        built.AssertSucceeded();
        Assert.False(built.Exists("search/index.html"));
        Assert.DoesNotContain(built.Files(), f => f.StartsWith("search/", StringComparison.Ordinal));
        Assert.Null(built.Html("index.html").QuerySelector("form.search-box"));
    }

    [Fact]
    public void Index_files_are_byte_identical_across_builds_and_named_by_content()
    {
        var (site, first) = TestSite.Build(Fixture);
        using var _ = site;
        var files = first.Files().Where(f => f.StartsWith("search/data/", StringComparison.Ordinal)).ToList();
        var bytes = files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(first.Output, f)));
        var second = site.Build();
        Assert.Equal(files, second.Files().Where(f => f.StartsWith("search/data/", StringComparison.Ordinal)));
        Assert.All(files, f => Assert.Equal(bytes[f], File.ReadAllBytes(Path.Combine(second.Output, f))));
        var index = new BuiltSearchIndex(second);
        Assert.All(index.ChunkFiles.Concat(index.FragmentFiles), f => Assert.Contains(f, files));
    }

    [Fact]
    public void A_new_article_leaves_the_fragments_of_older_ones_untouched()
    {
        using var site = TestSite.Create(Fixture + "\n-- content/world/older.md --\n---\nheadline: Older\ndate: 2025-01-05T10:00:00Z\n---\nFirst.\n");
        var first = site.Build();
        var before = File.ReadAllBytes(Path.Combine(first.Output, "search/data/d/0.json"));
        site.WriteFile("content/world/later.md", "---\nheadline: Later\ndate: 2025-03-05T10:00:00Z\n---\nAftershocks.\n");
        var second = site.Build();
        var index = new BuiltSearchIndex(second);

        // Ids run oldest first, four documents to a fragment: the newcomer starts a file, the full one stays.
        Assert.Equal(["search/data/d/0.json", "search/data/d/1.json"], index.FragmentFiles);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(second.Output, "search/data/d/0.json")));
        Assert.Equal("/world/2025/03/05/later/", index.Document(4).GetProperty("url").GetString());
    }

    [Fact]
    public void The_base_path_is_honoured_in_the_page_box_and_index_urls()
    {
        var (site, built) = TestSite.Build(Fixture.Replace("https://news.example/", "https://news.example/paper/", StringComparison.Ordinal));
        using var _ = site;
        var page = built.Html("search/index.html");
        Assert.Equal("/paper/search/data/meta.json", page.QuerySelector(".search-page")!.GetAttribute("data-search-index"));
        Assert.Equal("/paper/search/", built.Html("index.html").QuerySelector("form.search-box")!.GetAttribute("action"));

        // The search page has one box, its own, which holds the query: no masthead box beside it.
        Assert.Null(page.QuerySelector("form.search-box"));
        Assert.Single(page.QuerySelectorAll("input[type=search]"));
        Assert.Equal("/paper/world/2025/03/01/quake/", new BuiltSearchIndex(built).Document(1).GetProperty("url").GetString());
    }

    [Fact]
    public void Meta_carries_each_articles_headline_length_and_body_length_for_ranking()
    {
        static string Words(int count) => string.Join(' ', Enumerable.Repeat("river", count));
        var (site, built) = TestSite.Build($$"""
            -- site.yaml --
            title: Test Times
            sections: [World]
            -- content/world/short.md --
            ---
            headline: The River
            date: 2025-03-01T10:00:00Z
            ---
            {{Words(10)}}
            -- content/world/flood.md --
            ---
            headline: A Flood on the River Delta
            date: 2025-03-02T10:00:00Z
            ---
            {{Words(100)}} of the
            -- content/world/bridge.md --
            ---
            headline: Why the Old Bridge Over the River Fell
            date: 2025-03-03T10:00:00Z
            ---
            {{Words(200)}}
            """);
        using var _ = site;
        built.AssertSucceeded();
        var meta = new BuiltSearchIndex(built).Meta;

        // Stop words ("the", "a", "on", "why") and stop words in the body ("of the") are not counted.
        Assert.Equal([1, 3, 5], VarintText.Decode(meta.GetProperty("docHeadlineLengths").GetString()!));
        Assert.Equal(32, meta.GetProperty("bodyLengthUnit").GetInt32());
        Assert.Equal([0, 3, 6], VarintText.Decode(meta.GetProperty("docBodyLengths").GetString()!));
    }
}
