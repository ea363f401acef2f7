using System.Net.Sockets;
using System.Xml.Linq;
using NewsSite.Diagnostics;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>
/// One small site per way a contributor could get private or active files published: links into .git or out of the
/// site, link cycles, pipes, editors' backups, other Markdown extensions, scripts in SVG and stray HTML or JavaScript.
/// </summary>
public sealed class HostileSiteTests
{
    private const string Token = "ghp_SECRET_TOKEN_0123456789";

    private const string Article = """
        -- content/world/normal.md --
        ---
        headline: An ordinary article
        date: 2025-01-01
        ---
        Nothing unusual here.

        """;

    [Fact]
    public void Content_links_into_hidden_paths_or_out_of_the_site_publish_nothing()
    {
        using var site = TestSite.Create(Article + $"""
            -- .git/config --
            [http "https://github.com/"]
                extraheader = AUTHORIZATION: basic {Token}
            -- .env --
            API_KEY={Token}
            -- public.txt --
            A decoy that a lexical check would find.
            """);
        var outside = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "x", "y"));
        File.WriteAllText(Path.Combine(outside, "public.txt"), Token);
        Directory.CreateSymbolicLink(Path.Combine(site.Source, "content/repo"), "../.git");
        File.CreateSymbolicLink(Path.Combine(site.Source, "content/world/config.txt"), "../../.git/config");
        File.CreateSymbolicLink(Path.Combine(site.Source, "content/world/env.txt"), Path.Combine(site.Source, ".env"));
        // ".." after a link leaves wherever the link points: content/up/../../public.txt is outside/public.txt.
        Directory.CreateSymbolicLink(Path.Combine(site.Source, "content/up"), Path.Combine(outside, "x", "y"));
        File.CreateSymbolicLink(Path.Combine(site.Source, "content/sneak.txt"), "up/../../public.txt");

        var built = SpecialFiles.BuildWithin(site);

        built.AssertSucceeded();
        Assert.Equal(
            [
                "content/repo:1:1: warning NS0004: symbolic link points to '.git', a hidden path of the site, and is not followed",
                "content/sneak.txt:1:1: warning NS0004: symbolic link points outside the site folder and is not followed",
                "content/up:1:1: warning NS0004: symbolic link points outside the site folder and is not followed",
                "content/world/config.txt:1:1: warning NS0004: symbolic link points to '.git/config', a hidden path of the site, and is not followed",
                "content/world/env.txt:1:1: warning NS0004: symbolic link points to '.env', a hidden path of the site, and is not followed",
            ],
            built.Messages);
        Assert.True(built.Exists("world/2025/01/01/normal/index.html"));
        AssertNowhereInOutput(built, Token);
    }

    [Fact]
    public void Template_links_that_leave_the_site_are_errors_and_nothing_is_written()
    {
        using var site = TestSite.Create(Article);
        var outside = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "footer.html"), Token);
        Directory.CreateDirectory(Path.Combine(site.Source, "templates/partials"));
        Directory.CreateDirectory(Path.Combine(site.Source, "templates/assets"));
        File.CreateSymbolicLink(Path.Combine(site.Source, "templates/partials/footer.html"), Path.Combine(outside, "footer.html"));
        File.CreateSymbolicLink(Path.Combine(site.Source, "templates/assets/env.txt"), "/proc/self/environ");
        File.WriteAllText(Path.Combine(site.Source, ".env"), Token);
        File.CreateSymbolicLink(Path.Combine(site.Source, "templates/assets/dotenv.txt"), "../../.env");

        var built = SpecialFiles.BuildWithin(site);

        Assert.False(built.Result.Succeeded);
        Assert.Equal(
            [
                "templates/assets/dotenv.txt:1:1: error NS0004: symbolic link points to '.env', a hidden path of the site, and is not followed",
                "templates/assets/env.txt:1:1: error NS0004: symbolic link points outside the site folder and is not followed",
                "templates/partials/footer.html:1:1: error NS0004: symbolic link points outside the site folder and is not followed",
            ],
            built.Messages.Where(m => m.Contains("NS0004", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(built.Output));
    }

    [Fact]
    public void Link_cycles_are_reported_once_at_the_link_and_every_folder_is_read_once()
    {
        using var site = TestSite.Create(Article + """
            -- shared/note.txt --
            shared
            -- content/chain/d10/leaf.txt --
            leaf
            """);
        string Content(string path) => Path.Combine(site.Source, "content", path);
        Directory.CreateSymbolicLink(Content("world/self"), ".");
        Directory.CreateSymbolicLink(Content("world/site"), "../..");
        File.CreateSymbolicLink(Content("a.txt"), "b.txt");
        File.CreateSymbolicLink(Content("b.txt"), "a.txt");
        Directory.CreateSymbolicLink(Content("x"), "../shared");
        Directory.CreateSymbolicLink(Content("y"), "../shared");

        // Ten folders, each with two links to the next: followed blindly, 1,024 paths lead to the leaf.
        for (var i = 0; i < 10; i++)
        {
            Directory.CreateDirectory(Content($"chain/d{i}"));
            Directory.CreateSymbolicLink(Content($"chain/d{i}/left"), $"../d{i + 1}");
            Directory.CreateSymbolicLink(Content($"chain/d{i}/right"), $"../d{i + 1}");
        }

        var built = SpecialFiles.BuildWithin(site);

        built.AssertSucceeded();
        built.AssertDiagnostic("content/world/self:1:1: warning NS0010: symbolic link leads to a folder that holds it, and is not followed");
        built.AssertDiagnostic("content/world/site:1:1: warning NS0010: symbolic link leads to a folder that holds it, and is not followed");
        built.AssertDiagnostic("content/a.txt:1:1: warning NS0010: symbolic link leads back to itself and is not followed");
        built.AssertDiagnostic("content/b.txt:1:1: warning NS0010: symbolic link leads back to itself and is not followed");
        built.AssertDiagnostic("content/y:1:1: warning NS0010: symbolic link leads to a folder that is already read, and is not followed");
        built.AssertDiagnostic("content/chain/d0/left:1:1: warning NS0010: symbolic link leads to a folder that is already read, and is not followed");
        Assert.Equal(25, built.Diagnostics.Count);
        Assert.All(built.Diagnostics, d => Assert.Equal(DiagnosticCodes.LinkLoop, d.Code));
        Assert.Equal(["chain/d10/leaf.txt"], built.Files().Where(f => f.EndsWith("leaf.txt", StringComparison.Ordinal)));
        Assert.Equal("shared\n", built.Text("x/note.txt"));
        Assert.False(built.Exists("y/note.txt"));
    }

    [Fact]
    public void Named_pipes_and_sockets_under_content_are_skipped_without_being_opened()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // file kinds are told apart on Linux only
        }

        using var site = TestSite.Create(Article);
        SpecialFiles.MakeFifo(Path.Combine(site.Source, "content/world/pipe.md"));
        SpecialFiles.MakeFifo(Path.Combine(site.Source, "content/media/pipe.jpg"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(site.Source, "content/media/app.sock")));

        var built = SpecialFiles.BuildWithin(site);

        built.AssertSucceeded();
        Assert.Equal(
            [
                "content/media/app.sock:1:1: warning NS0011: socket is not a regular file and is skipped",
                "content/media/pipe.jpg:1:1: warning NS0011: named pipe is not a regular file and is skipped",
                "content/world/pipe.md:1:1: warning NS0011: named pipe is not a regular file and is skipped",
            ],
            built.Messages);
        Assert.DoesNotContain(built.Files(), f => f.StartsWith("media/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_whose_name_is_not_UTF8_is_named_in_a_warning_and_skipped()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // names are bytes on Linux; elsewhere they cannot be made
        }

        using var site = TestSite.Create(Article);
        using var badlyNamed = SpecialFiles.MakeNamedInBytes(Path.Combine(site.Source, "content/world"), "bad-\\377.md");

        var built = SpecialFiles.BuildWithin(site);

        built.AssertSucceeded();
        Assert.Equal(["content/world/bad-\uFFFD.md:1:1: warning NS0003: the name is not valid UTF-8, so the file cannot be read; rename it"], built.Messages);
    }

    [Fact]
    public void Editors_backup_and_scratch_files_are_not_published_and_each_is_named()
    {
        var (site, built) = TestSite.Build(Article + """
            -- content/world/normal.md~ --
            embargoed draft
            -- content/world/#normal.md# --
            embargoed draft
            -- content/world/normal.md.orig --
            embargoed draft
            -- content/world/normal.md.bak --
            embargoed draft
            -- content/world/normal.md.swp --
            embargoed draft
            -- content/world/.DS_Store --
            embargoed draft
            -- templates/assets/style.css~ --
            embargoed draft
            """);
        using var _ = site;

        built.AssertSucceeded();
        Assert.Equal(
            [
                "content/world/#normal.md#:1:1: warning NS0012: '#normal.md#' is an editor's backup or scratch file and is not published",
                "content/world/.DS_Store:1:1: warning NS0012: '.DS_Store' is an editor's backup or scratch file and is not published",
                "content/world/normal.md.bak:1:1: warning NS0012: 'normal.md.bak' is an editor's backup or scratch file and is not published",
                "content/world/normal.md.orig:1:1: warning NS0012: 'normal.md.orig' is an editor's backup or scratch file and is not published",
                "content/world/normal.md.swp:1:1: warning NS0012: 'normal.md.swp' is an editor's backup or scratch file and is not published",
                "content/world/normal.md~:1:1: warning NS0012: 'normal.md~' is an editor's backup or scratch file and is not published",
                "templates/assets/style.css~:1:1: warning NS0012: 'style.css~' is an editor's backup or scratch file and is not published",
            ],
            built.Messages);
        AssertNowhereInOutput(built, "embargoed draft");
    }

    [Fact]
    public void Markdown_under_any_extension_is_read_as_an_article_with_the_publishing_rules()
    {
        var (site, built) = TestSite.Build(Article + """
            -- content/world/live.markdown --
            ---
            headline: Live
            date: 2025-01-02
            ---
            Live text.
            -- content/world/draft.mdown --
            ---
            headline: Draft
            date: 2025-01-03
            draft: true
            ---
            Draft text.
            -- content/world/embargoed.mkd --
            ---
            headline: Embargoed
            date: 2030-01-01
            ---
            Embargoed text.
            """);
        using var _ = site;

        built.AssertSucceeded();
        Assert.Equal("Live", built.Html("world/2025/01/02/live/index.html").QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain(built.Files(), f => f.EndsWith(".markdown", StringComparison.Ordinal) || f.EndsWith(".mdown", StringComparison.Ordinal) || f.EndsWith(".mkd", StringComparison.Ordinal));
        AssertNowhereInOutput(built, "Draft text");
        AssertNowhereInOutput(built, "Embargoed text");
    }

    [Fact]
    public void Svg_scripts_handlers_and_unsafe_links_are_removed_and_the_picture_kept()
    {
        const string clean = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>""";
        var (site, built) = TestSite.Build(Article + $"""
            -- content/media/chart.svg --
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">
              <rect id="bar" width="40" height="80" fill="#c00" onload="alert(1)" ONCLICK="alert(2)"/>
              <script>alert(3)</script>
              <a xlink:href=" java&#9;script:alert(4)"><text x="5" y="95">Source</text></a>
              <a href="https://example.org/data"><text x="50" y="95">Data</text></a>
              <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(5)"/></foreignObject>
              <use href="https://evil.example/x.svg#a"/>
              <use href="#bar" x="50"/>
              <a href="#"><animate attributeName="href" values="javascript:alert(6)"/></a>
              <image href="data:text/html,&lt;script&gt;alert(7)&lt;/script&gt;"/>
              <image href="data:image/png;base64,iVBORw0KGgo="/>
            </svg>
            -- content/media/clean.svg --
            {clean}
            """);
        using var _ = site;

        built.AssertSucceeded();
        Assert.Equal(
            ["content/media/chart.svg:2:53: warning NS0014: SVG file had active content that was removed ('data:' link, 'javascript:' link, <foreignObject> element, <script> element, <use> of another file, animation of a link or handler, event-handler attribute (2)); the picture is published without it"],
            built.Messages);
        var svg = XDocument.Parse(built.Text("media/chart.svg"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("40", svg.Root!.Element(ns + "rect")!.Attribute("width")!.Value);
        Assert.Equal(["Source", "Data"], svg.Descendants(ns + "text").Select(t => t.Value));
        Assert.Equal(["#bar"], svg.Descendants(ns + "use").Select(u => u.Attribute("href")?.Value).OfType<string>());
        Assert.Equal(["data:image/png;base64,iVBORw0KGgo="], svg.Descendants(ns + "image").Select(i => i.Attribute("href")?.Value).OfType<string>());
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "foreignObject" or "iframe" or "animate");
        Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Value.Contains("script", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(clean + "\n", built.Text("media/clean.svg"));
    }

    [Fact]
    public void An_svg_that_declares_entities_is_never_expanded_and_not_published()
    {
        var (site, built) = TestSite.Build(Article + """
            -- content/media/xxe.svg --
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/hostname"><!ENTITY s "<script>alert(1)</script>">]>
            <svg xmlns="http://www.w3.org/2000/svg"><text>&secret;</text>&s;</svg>
            -- content/media/doctype.svg --
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>
            """);
        using var _ = site;

        built.AssertSucceeded();
        Assert.Equal(
            [
                "content/media/doctype.svg:1:1: warning NS0014: SVG file had active content that was removed (DOCTYPE); the picture is published without it",
                "content/media/xxe.svg:3:48: warning NS0014: SVG file is not well-formed XML (Reference to undeclared entity 'secret'. Line 3, position 48.) and is not published",
            ],
            built.Messages);
        Assert.False(built.Exists("media/xxe.svg"));
        Assert.Equal("""<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1" /></svg>""", built.Text("media/doctype.svg").Trim());
    }

    [Fact]
    public void Html_and_javascript_are_published_only_from_interactive_folders()
    {
        var (site, built) = TestSite.Build(Article + """
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/
            interactive_folders: [graphics/elections-2026/]
            -- content/graphics/elections-2026/index.html --
            <!doctype html><title>Results</title><script src="app.js"></script>
            -- content/graphics/elections-2026/app.js --
            draw();
            -- content/graphics/elections-2026/map.svg --
            <svg xmlns="http://www.w3.org/2000/svg"><script>hover()</script></svg>
            -- content/graphics/elections-2026-old/index.html --
            <script>alert(1)</script>
            -- content/media/page.htm --
            <script>alert(2)</script>
            -- content/media/tracker.mjs --
            alert(3);
            -- content/media/transform.xsl --
            <xsl:stylesheet/>
            """);
        using var _ = site;

        built.AssertSucceeded();
        Assert.Equal(
            [
                "content/graphics/elections-2026-old/index.html:1:1: warning NS0013: HTML file is not published: only folders listed in 'interactive_folders' in site.yaml may publish HTML, JavaScript and other files that run script",
                "content/media/page.htm:1:1: warning NS0013: HTML file is not published: only folders listed in 'interactive_folders' in site.yaml may publish HTML, JavaScript and other files that run script",
                "content/media/tracker.mjs:1:1: warning NS0013: JavaScript file is not published: only folders listed in 'interactive_folders' in site.yaml may publish HTML, JavaScript and other files that run script",
                "content/media/transform.xsl:1:1: warning NS0013: XSLT file is not published: only folders listed in 'interactive_folders' in site.yaml may publish HTML, JavaScript and other files that run script",
            ],
            built.Messages);
        Assert.Equal("draw();\n", built.Text("graphics/elections-2026/app.js"));
        Assert.Contains("<script>hover()</script>", built.Text("graphics/elections-2026/map.svg"), StringComparison.Ordinal);
        Assert.True(built.Exists("graphics/elections-2026/index.html"));
        Assert.False(built.Exists("graphics/elections-2026-old/index.html"));
        Assert.False(built.Exists("media/page.htm"));
        Assert.False(built.Exists("media/tracker.mjs"));
    }

    [Fact]
    public void Interactive_folders_must_be_folders_inside_content()
    {
        var (site, built) = TestSite.Build(Article + """
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/
            interactive_folders:
              - ../outside
              - /graphics
              - content/graphics
              - graphics/.hidden
              - ""
            """);
        using var _ = site;

        Assert.False(built.Result.Succeeded);
        Assert.Equal(
            [
                "site.yaml:4:5: error NS0501: 'interactive_folders' lists folders under content/ such as graphics/elections-2026, not '../outside': '.', '..' and empty segments are not allowed",
                "site.yaml:5:5: error NS0501: 'interactive_folders' lists folders under content/ such as graphics/elections-2026, not '/graphics': use a path relative to content/ with '/' separators",
                "site.yaml:6:5: error NS0501: 'interactive_folders' lists folders under content/ such as graphics/elections-2026, not 'content/graphics': paths are relative to content/; leave out 'content/'",
                "site.yaml:7:5: error NS0501: 'interactive_folders' lists folders under content/ such as graphics/elections-2026, not 'graphics/.hidden': hidden folders are never published",
                "site.yaml:8:5: error NS0501: 'interactive_folders' lists folders under content/ such as graphics/elections-2026, not '': the whole of content/ cannot be interactive; name a folder inside it",
            ],
            built.Messages);
        Assert.False(Directory.Exists(built.Output));
    }

    [Fact]
    public void Scratch_files_added_after_an_up_to_date_build_are_still_reported()
    {
        using var site = TestSite.Create(Article);
        site.Settle();
        Assert.True(site.Build().Result.Succeeded);
        Assert.True(site.Build().Result.UpToDate);

        // Only the new files are dated back (Settle would touch every file, which alone makes a build run again).
        const string content = "content/world/normal.md~:1:1: warning NS0012: 'normal.md~' is an editor's backup or scratch file and is not published";
        AddSettled(site, "content/world/normal.md~");
        var first = site.Build();
        Assert.False(first.Result.UpToDate);
        Assert.Equal([content], first.Messages);
        Assert.True(site.Build().Result.UpToDate);

        const string template = "templates/assets/style.css~:1:1: warning NS0012: 'style.css~' is an editor's backup or scratch file and is not published";
        AddSettled(site, "templates/assets/style.css~");
        var second = site.Build();
        Assert.False(second.Result.UpToDate);
        Assert.Equal([content, template], second.Messages);
        AssertNowhereInOutput(second, "embargoed draft");
    }

    private static void AddSettled(TestSite site, string path)
    {
        site.WriteFile(path, "embargoed draft");
        File.SetLastWriteTimeUtc(Path.Combine(site.Source, path), DateTime.UtcNow.AddHours(-1));
    }

    private static void AssertNowhereInOutput(BuiltSite built, string text)
    {
        foreach (var file in built.Files())
        {
            Assert.DoesNotContain(text, File.ReadAllText(Path.Combine(built.Output, file)), StringComparison.Ordinal);
        }
    }
}
