using System.Security.Cryptography;
using System.Text;
using NewsSite.Diagnostics;
using NewsSite.Tests.TestSupport;

namespace NewsSite.Tests.EndToEnd;

/// <summary>
/// Builds each file of the hostile corpus (EndToEnd/Hostile/, plus large files made here at test time) next to
/// an ordinary article. Whatever the file holds, the build ends within a generous time, either refuses the
/// file with located errors and writes nothing, or publishes a site in which no content can run script; and it
/// never writes anywhere but its output folder.
/// </summary>
public sealed class HostileCorpusTests
{
    /// <summary>
    /// Only a hang guard, far beyond any machine's time (the slowest file takes seconds, a minute on a crowded
    /// machine): a hang fails here instead of stalling the run, and a slow machine never does.
    /// </summary>
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(10);

    internal const string NormalArticle = """
        ---
        headline: An ordinary article
        date: 2025-01-01
        tags: [India]
        ---
        Nothing unusual here.
        """;

    /// <summary>What each committed file must get: refused with an error code, or built (with warning codes).</summary>
    private static readonly Dictionary<string, Expected> Corpus = new(StringComparer.Ordinal)
    {
        ["alias-bomb.site.yaml"] = Expected.Refused(DiagnosticCodes.YamlTooComplex, "site.yaml"),
        ["yaml-alias-bomb.md"] = Expected.Refused(DiagnosticCodes.YamlTooComplex),
        ["yaml-deep-flow.md"] = Expected.Refused(DiagnosticCodes.YamlTooComplex),
        ["yaml-deep-block.md"] = Expected.Refused(DiagnosticCodes.YamlTooComplex),
        ["yaml-escaped-nul.md"] = Expected.Refused(DiagnosticCodes.ControlCharacter),
        ["markdown-too-deep.md"] = Expected.Refused(DiagnosticCodes.BodyTooComplex),
        ["path-traversal.md"] = Expected.Refused(DiagnosticCodes.UnsafePath),
        ["nul-bytes.md"] = Expected.Built(DiagnosticCodes.ControlCharacter),
        ["mixed-line-endings.md"] = Expected.Built(),
        ["bidi-and-homoglyph-tags.md"] = Expected.Built(DiagnosticCodes.SlugCollision),
        ["script-everywhere.md"] = Expected.Built(DiagnosticCodes.UnsafeUrl, DiagnosticCodes.RawHtmlRemoved, DiagnosticCodes.UnknownField),
        ["raw-html-attacks.md"] = Expected.Built(DiagnosticCodes.UnsafeUrl, DiagnosticCodes.RawHtmlRemoved, DiagnosticCodes.EmbedNotAllowed),
        ["markdown-pathological.md"] = Expected.Built(),
    };

    public static TheoryData<string> CorpusFiles() => [.. Corpus.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_committed_hostile_file_has_an_expectation()
    {
        var files = Directory.EnumerateFiles(CorpusFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Corpus.Keys.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Hostile_file_is_refused_or_published_inert(string name)
    {
        using var site = TestSite.Create("-- content/world/normal.md --\n" + NormalArticle);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, name));
        var target = name.EndsWith(".site.yaml", StringComparison.Ordinal) ? "site.yaml" : "content/world/" + name;
        site.WriteBytes(target, bytes);
        await BuildAndCheck(site, Corpus[name].WithPath(target));
    }

    [Fact]
    public async Task A_ten_megabyte_body_is_refused_by_the_size_limit()
    {
        using var site = TestSite.Create("-- content/world/normal.md --\n" + NormalArticle);
        var body = new StringBuilder("---\nheadline: Huge\ndate: 2025-01-01\n---\n");
        while (body.Length < 10 * 1024 * 1024)
        {
            body.Append("A line of body text that goes on and on, </script><script>alert(1)</script>.\n");
        }

        site.WriteFile("content/world/huge.md", body.ToString());
        var built = await BuildAndCheck(site, Expected.Refused(DiagnosticCodes.FileTooLarge, "content/world/huge.md"));
        built.AssertDiagnostic("content/world/huge.md:1:1: error NS0002: file is 10.0 MB; an article may be at most 5 MB");
    }

    [Fact]
    public async Task Symbolic_links_that_leave_the_site_are_reported_and_not_followed()
    {
        using var site = TestSite.Create("-- content/world/normal.md --\n" + NormalArticle);
        var outside = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "folder"));
        await File.WriteAllTextAsync(Path.Combine(outside, "secret.md"), "---\nheadline: Secret\ndate: 2025-01-01\n---\nPrivate.\n");
        await File.WriteAllTextAsync(Path.Combine(outside, "folder", "other.md"), "---\nheadline: Other secret\ndate: 2025-01-01\n---\nPrivate.\n");
        File.CreateSymbolicLink(Path.Combine(site.Source, "content/world/leak.md"), Path.Combine(outside, "secret.md"));
        Directory.CreateSymbolicLink(Path.Combine(site.Source, "content/leaked-folder"), Path.Combine(outside, "folder"));
        File.CreateSymbolicLink(Path.Combine(site.Source, "content/world/passwd.md"), "/etc/passwd");

        var built = await BuildAndCheck(site, Expected.Built(DiagnosticCodes.LinkOutsideSource));
        built.AssertDiagnostic("content/leaked-folder:1:1: warning NS0004: symbolic link points outside the site folder and is not followed");
        built.AssertDiagnostic("content/world/leak.md:1:1: warning NS0004: symbolic link points outside the site folder and is not followed");
        built.AssertDiagnostic("content/world/passwd.md:1:1: warning NS0004: symbolic link points outside the site folder and is not followed");
        Assert.DoesNotContain(built.Files(), f => f.Contains("leak", StringComparison.Ordinal) || f.Contains("secret", StringComparison.Ordinal) || f.Contains("other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task File_names_with_markup_quotes_and_bidi_controls_give_safe_urls()
    {
        using var site = TestSite.Create("-- content/world/normal.md --\n" + NormalArticle);
        foreach (var name in new[] { "<script>alert(1)<!--.md", "a b&c\"'.md", "\u202Egnp.exe.md", "%2e%2e%2fup.md" })
        {
            site.WriteFile("content/world/" + name, "---\nheadline: Odd name\ndate: 2025-01-01\n---\nBody.\n");
        }

        var built = await BuildAndCheck(site, Expected.Built());
        var pages = built.Files().Where(f => f.StartsWith("world/2025/01/01/", StringComparison.Ordinal)).ToList();
        Assert.All(pages, page => Assert.Matches("^world/2025/01/01/[a-z0-9]+(-[a-z0-9]+)*/index.html$", page));
        Assert.Contains("world/2025/01/01/script-alert-1/index.html", pages);
        Assert.Contains("world/2025/01/01/2e-2e-2fup/index.html", pages);
    }

    [Fact]
    public async Task Every_value_of_a_hostile_article_is_shown_as_the_text_it_was()
    {
        using var site = TestSite.Create("-- content/world/normal.md --\n" + NormalArticle);
        site.WriteBytes("content/world/script-everywhere.md", await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, "script-everywhere.md")));
        var built = await BuildAndCheck(site, Expected.Built(DiagnosticCodes.UnsafeUrl, DiagnosticCodes.RawHtmlRemoved, DiagnosticCodes.UnknownField));
        const string payload = "</script><script>alert(1)</script><!--<script>";
        const string attribute = "\"><img src=x onerror=alert(2)>";
        var page = built.Html("script-alert-1-script-section/2025/01/01/script-everywhere/index.html");

        Assert.Equal($"{payload} {attribute} headline", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"{payload} {attribute} summary", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent.Trim() == $"{payload} tag");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent.Trim() == attribute);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent.Trim() == $"{payload} author");
        Assert.Equal(payload, page.QuerySelector(".article-body p .dateline")!.TextContent);
        Assert.Equal(payload, page.QuerySelector(".article-body p code")!.TextContent);
        Assert.Equal($"{payload} heading", page.QuerySelector(".article-body h2")!.TextContent);
        Assert.Equal(payload, page.QuerySelector(".article-body pre code")!.TextContent.Trim());
        Assert.Equal(payload, page.QuerySelector(".article-body th code")!.TextContent);
        Assert.Equal(attribute, page.QuerySelector(".article-body td code")!.TextContent);
        // Markdig writes an image's alt text without the tags in it.
        Assert.Equal("alert(1)<!\u2013", page.QuerySelector(".article-body img[src='/x.jpg']")!.GetAttribute("alt"));
        Assert.Equal(payload, page.QuerySelector(".article-body img[src='/x.jpg']")!.GetAttribute("title"));
        Assert.Equal(payload, page.QuerySelector(".article-body a[href='https://example.org/x'][title] code")!.TextContent);
        Assert.Equal(payload, page.QuerySelector(".article-body a[href='https://example.org/x'][title]")!.GetAttribute("title"));
        Assert.Equal("javascript:alert(9) ref", page.QuerySelectorAll(".article-body p").Single(p => p.TextContent.StartsWith("Note.", StringComparison.Ordinal)).TextContent[6..].Trim());
        Assert.Equal(payload, page.QuerySelector(".key-points li strong")!.TextContent.TrimEnd(':'));

        var jsonLd = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => System.Text.Json.JsonDocument.Parse(s.TextContent)).ToList();
        var article = jsonLd.Single(j => j.RootElement.GetProperty("@type").GetString() == "NewsArticle").RootElement;
        Assert.Equal($"{payload} {attribute} headline", article.GetProperty("headline").GetString());
        Assert.Equal($"{payload} {attribute} summary", article.GetProperty("description").GetString());
        Assert.Contains($"{payload} tag", article.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        jsonLd.ForEach(j => j.Dispose());
    }

    [Fact]
    public async Task The_inertness_check_fails_on_a_site_that_allows_raw_html()
    {
        // The check above proves something only if it can fail: with raw_html: allow the attacks are published.
        using var site = TestSite.Create("""
            -- site.yaml --
            title: Test Times
            base_url: https://news.example/
            markdown: { raw_html: allow }
            """);
        site.WriteBytes("content/world/raw-html-attacks.md", await File.ReadAllBytesAsync(Path.Combine(CorpusFolder, "raw-html-attacks.md")));
        var built = site.Build();
        built.AssertSucceeded();
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => OutputSafety.AssertInert(built));
    }

    private static string CorpusFolder => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Hostile");

    /// <summary>Builds within <see cref="BuildLimit"/> and checks what every hostile build must hold.</summary>
    internal static async Task<BuiltSite> BuildAndCheck(TestSite site, Expected expected, Func<BuildOptions, BuildOptions>? configure = null)
    {
        var before = Snapshot(site.Root, site.Output);
        var build = Task.Run(() => site.Build(configure));
        var finished = await Task.WhenAny(build, Task.Delay(BuildLimit));
        Assert.True(finished == build, $"the build did not finish within {BuildLimit.TotalSeconds:0} s");
        var built = await build;

        // Nothing was written anywhere but the output folder, and no staging folder was left behind.
        Assert.Equal(before, Snapshot(site.Root, site.Output));
        Assert.All(Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName), name => Assert.Contains(name, new[] { "out", ".out.newssite", "site", "outside" }));

        // Every problem names the file, line and column it is about.
        Assert.All(built.Diagnostics, d => Assert.True(d.Location is { Line: > 0, Column: > 0 }, $"diagnostic without a location: {d}"));
        var messages = string.Join('\n', built.Messages);
        if (expected.ErrorCode is { } code)
        {
            Assert.False(built.Result.Succeeded, "the build should have failed:\n" + messages);
            Assert.Contains(built.Diagnostics, d => d.IsError && d.Code == code && d.Location!.Value.Path == expected.Path);
            Assert.False(Directory.Exists(site.Output), "a refused build must not write the output folder");
        }
        else
        {
            built.AssertSucceeded();
            Assert.All(built.Diagnostics.Select(d => d.Code).Distinct(), c => Assert.Contains(c, expected.WarningCodes));
            Assert.True(built.Exists("world/2025/01/01/normal/index.html"), "the ordinary article must still be published");
            OutputSafety.AssertInert(built);
        }

        return built;
    }

    /// <summary>Every file under <paramref name="root"/> except the output folder, with a hash of its bytes.</summary>
    private static Dictionary<string, string> Snapshot(string root, string output)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos())
            {
                // The output folder, and the cache that incremental builds keep beside it by design.
                if (entry.FullName == output || entry.FullName == Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + ".newssite"))
                {
                    continue;
                }

                if (entry.LinkTarget is not null)
                {
                    files[entry.FullName] = "-> " + entry.LinkTarget;
                }
                else if (entry is DirectoryInfo directory)
                {
                    pending.Push(directory);
                }
                else
                {
                    files[entry.FullName] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.FullName)));
                }
            }
        }

        return files;
    }

    internal sealed record Expected(string? ErrorCode, string? Path, IReadOnlyList<string> WarningCodes)
    {
        public static Expected Refused(string code, string? path = null) => new(code, path, []);

        public static Expected Built(params string[] warningCodes) => new(null, null, warningCodes);

        public Expected WithPath(string path) => Path is null && ErrorCode is not null ? this with { Path = path } : this;
    }
}
