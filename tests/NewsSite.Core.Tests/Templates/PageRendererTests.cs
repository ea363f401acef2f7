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
}
