using NewsSite.Diagnostics;
using NewsSite.Templates;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.Templates;

public sealed class PageRendererTests
{
    private static PageModel Model(string title) => new()
    {
        Site = new SiteView("S", "", "https://x.example/", "/", "en", [], [], null, null, new AdsView(false, false, false, false, "Advertisement", RawHtml.Empty), "/s.css", "2025"),
        Page = new PageView { Kind = "test", Title = title, Url = "/", Canonical = "https://x.example/" },
    };

    // The page as text: the renderer hands its bytes to a writer and keeps nothing.
    private static (string? Html, Diagnostic? Error) Render(PageRenderer renderer, string template, PageModel model, string page)
    {
        string? html = null;
        var (written, error) = renderer.Render(template, model, page, bytes =>
        {
            html = System.Text.Encoding.UTF8.GetString(bytes);
            return true;
        });
        Assert.Equal(error is null, written);
        return (html, error);
    }

    private static TemplateSet Templates(string fixture)
    {
        using var site = TestSite.Create(fixture);
        var bag = new DiagnosticBag();
        var set = TemplateSet.Load(site.Source, bag);
        Assert.Empty(bag.ToSortedList());
        return set!;
    }

    [Fact]
    public void Printed_values_are_escaped_and_raw_html_and_includes_are_not()
    {
        var templates = Templates("""
            -- templates/layouts/base.html --
            <main>{{ content }}</main>
            -- templates/t.html --
            <h1 title="{{ page.title }}">{{ page.title }}</h1>{{ include 'partials/p.html' }}{{ page.head }}
            -- templates/partials/p.html --
            <i>{{ page.title }}</i>
            """);
        var model = Model("<b>\"x\" & 'y'</b>") with { };
        model = model with { Page = model.Page with { Head = new RawHtml("<meta name=\"k\">") } };
        var (html, error) = Render(new PageRenderer(templates), "t.html", model, "/");
        Assert.Null(error);
        Assert.Equal(
            "<main><h1 title=\"&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;\">&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</h1><i>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</i>\n<meta name=\"k\">\n</main>\n",
            html);
    }

    [Theory]
    [InlineData("{{ while true }}{{ end }}")]
    [InlineData("{{ x = 0 }}{{ while true }}{{ x = x + 1 }}{{ end }}")]
    [InlineData("{{ (1..2000000000) | array.each @(do; ret 1; end) | array.size }}")]
    public async Task A_template_that_does_not_end_is_stopped_at_its_budget_and_named(string body)
    {
        var templates = Templates($$$"""
            -- templates/layouts/base.html --
            {{ content }}
            -- templates/t.html --
            {{{body}}}
            """);

        // However fast the machine, these never end: the budget is what stops them (a hang fails at the time limit).
        var renderer = new PageRenderer(templates, TimeSpan.FromSeconds(1));
        var (html, error) = await Task.Run(() => Render(renderer, "t.html", Model("T"), "/t/")).WaitAsync(SpecialFiles.BuildLimit);

        // Where in the loop it is stopped depends on the moment; the file and the line do not.
        Assert.Null(html);
        Assert.Matches(@"^templates/t\.html:1:[0-9]+: error NS0402: the template ran for more than its 1 s render budget and was stopped here; does this loop end\? \(while rendering /t/\)$", error!.ToString());
    }

    [Fact]
    public void A_loop_is_not_limited_by_its_count()
    {
        var templates = Templates("""
            -- templates/t.html --
            {{ n = 0 }}{{ for i in 1..200000 }}{{ n = n + 1 }}{{ end }}{{ n }}
            """);

        var (html, error) = Render(new PageRenderer(templates), "t.html", Model("T"), "/");

        Assert.Null(error);
        Assert.Contains("200000", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_theme_is_there_without_a_templates_folder()
    {
        var templates = Templates("");
        foreach (var name in new[] { "layouts/base.html", "article.html", "home.html", "list.html", "terms.html", "404.html" })
        {
            Assert.True(templates.Contains(name), name);
        }

        Assert.Contains("assets/style.css", templates.Assets.Keys);
    }

    private static TeaserView Teaser(string headline) =>
        new(headline, "/a/", "A summary.", new DateView("2025-01-01T00:00:00+00:00", "1 January 2025", "1 Jan 2025", "00:00"), null, [], null, false);

    [Fact]
    public void A_teaser_card_sees_only_its_teaser_and_the_site_whatever_page_it_lands_on()
    {
        var templates = Templates("""
            -- templates/layouts/base.html --
            {{ content }}
            -- templates/t.html --
            {{ for teaser in articles }}{{ teaser_card teaser }}{{ end }}
            -- templates/partials/teaser.html --
            <p>{{ teaser.headline }}|{{ site.title }}|{{ page }}|{{ articles }}</p>
            """);
        var renderer = new PageRenderer(templates);
        var shared = Teaser("<Quake>");
        var first = Model("Page one") with { Articles = [shared, Teaser("Other")] };
        var second = Model("Page two") with { Articles = [shared] };

        var (one, error) = Render(renderer, "t.html", first, "/one/");
        var (two, _) = Render(renderer, "t.html", second, "/two/");

        Assert.Null(error);
        Assert.Equal("<p>&lt;Quake&gt;|S||</p>\n<p>Other|S||</p>\n\n\n", one);
        Assert.Equal("<p>&lt;Quake&gt;|S||</p>\n\n\n", two);
    }

    [Fact]
    public void Teaser_card_given_something_else_is_an_error_at_the_call()
    {
        var templates = Templates("""
            -- templates/t.html --
            <div>
            {{ teaser_card page }}
            </div>
            """);
        var (html, error) = Render(new PageRenderer(templates), "t.html", Model("T"), "/t/");
        Assert.Null(html);
        Assert.NotNull(error);
        Assert.Equal(("templates/t.html", 2), (error!.Location!.Value.Path, error.Location.Value.Line));
        Assert.Contains("teaser_card expects one teaser", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_a_page_sets_do_not_reach_the_next_page_and_a_failed_render_leaves_no_trace()
    {
        var templates = Templates("""
            -- templates/layouts/base.html --
            {{ content }}
            -- templates/set.html --
            {{ leaked = page.title }}[{{ leaked }}]
            -- templates/read.html --
            [{{ leaked }}]
            -- templates/broken.html --
            {{ leaked = "half" }}{{ for a in [1, 2] }}{{ no_such_function a }}{{ end }}
            """);
        var renderer = new PageRenderer(templates);
        Assert.Equal("[First]\n\n", Render(renderer, "set.html", Model("First"), "/1/").Html);
        Assert.NotNull(Render(renderer, "broken.html", Model("Second"), "/2/").Error);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("[]\n\n", Render(renderer, "read.html", Model("Third"), "/3/").Html);
        }
    }

    [Fact]
    public void Includes_and_the_layout_indent_and_join_lines_exactly_as_Scriban_does()
    {
        var templates = Templates("""
            -- templates/layouts/base.html --
            <body>
              {{ content }}
            {{ include 'partials/p.html' }}end
            </body>
            -- templates/t.html --
            <ul>
                {{ include 'partials/p.html' }}
              after

            {{ include 'partials/p.html' }}tail
              {{~ include 'partials/p.html' ~}}
            </ul>
            -- templates/partials/p.html --
            <li>one</li>
            <li>two</li>
            """);

        // Scriban's own rendering of the same files: nothing in them is escaped, so the two must agree.
        var context = new Scriban.TemplateContext { TemplateLoader = new ThemeTemplateLoader(templates), NewLine = "\n" };
        foreach (var (name, template) in templates.Templates)
        {
            context.CachedTemplates[name] = template;
        }

        var content = templates.Get("t.html").Render(context);
        context.PushGlobal(new Scriban.Runtime.ScriptObject { ["content"] = content });
        var expected = templates.Get("layouts/base.html").Render(context);

        var (html, error) = Render(new PageRenderer(templates), "t.html", Model("T"), "/");
        Assert.Null(error);
        Assert.Contains("\n      <li>two</li>\n", expected, StringComparison.Ordinal);
        Assert.Equal(expected, html);
    }

    [Fact]
    public void Text_beyond_the_ascii_range_reaches_the_page_intact_from_values_cards_and_includes()
    {
        var templates = Templates("""
            -- templates/layouts/base.html --
            {{ content }}{{ include 'partials/p.html' }}
            -- templates/t.html --
            <h1>{{ page.title }}</h1>{{ for teaser in articles }}{{ teaser_card teaser }}{{ end }}
            -- templates/partials/p.html --
            <i>{{ page.title }} ✓</i>
            -- templates/partials/teaser.html --
            <p>{{ teaser.headline }}</p>
            """);
        const string title = "Zürich 🌍 — «Ωmega» 東京";
        var model = Model(title) with { Articles = [Teaser("Café 🎉 naïve")] };

        var (html, error) = Render(new PageRenderer(templates), "t.html", model, "/");

        Assert.Null(error);
        Assert.Equal($"<h1>{title}</h1><p>Café 🎉 naïve</p>\n\n<i>{title} ✓</i>\n\n", html);
    }

    [Fact]
    public void A_page_longer_than_Scribans_default_output_limit_is_not_cut_short()
    {
        var templates = Templates("""
            -- templates/t.html --
            {{ for i in 1..300000 }}abcde{{ end }}|end
            """);

        var (html, error) = Render(new PageRenderer(templates), "t.html", Model("T"), "/");

        Assert.Null(error);
        Assert.Contains(string.Concat(Enumerable.Repeat("abcde", 300_000)) + "|end", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_includes_each_get_their_own_output_and_named_arguments_still_reach_the_partial()
    {
        var templates = Templates("""
            -- templates/layouts/base.html --
            {{ content }}
            -- templates/t.html --
            <a>{{ include 'partials/outer.html' }}</a><b>{{ include 'partials/named.html' who: "Ana" }}</b><c>{{ include 'partials/outer.html' }}</c>
            -- templates/partials/outer.html --
            [{{ include 'partials/inner.html' }}|{{ x = include 'partials/inner.html' }}{{ x | string.size }}]
            -- templates/partials/inner.html --
            in
            -- templates/partials/named.html --
            hello {{ $who }}
            """);

        var (html, error) = Render(new PageRenderer(templates), "t.html", Model("T"), "/");

        Assert.Null(error);
        Assert.Equal("<a>[in\n|3]\n</a><b>hello Ana\n</b><c>[in\n|3]\n</c>\n\n", html);
    }
}
