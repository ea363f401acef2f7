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
        var (html, error) = new PageRenderer(templates).Render("t.html", model, "/");
        Assert.Null(error);
        Assert.Equal(
            "<main><h1 title=\"&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;\">&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</h1><i>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</i>\n<meta name=\"k\">\n</main>\n",
            html);
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

        var (one, error) = renderer.Render("t.html", first, "/one/");
        var (two, _) = renderer.Render("t.html", second, "/two/");

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
        var (html, error) = new PageRenderer(templates).Render("t.html", Model("T"), "/t/");
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
        Assert.Equal("[First]\n\n", renderer.Render("set.html", Model("First"), "/1/").Html);
        Assert.NotNull(renderer.Render("broken.html", Model("Second"), "/2/").Error);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("[]\n\n", renderer.Render("read.html", Model("Third"), "/3/").Html);
        }
    }
}
