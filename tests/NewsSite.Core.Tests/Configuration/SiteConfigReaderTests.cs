using NewsSite.Configuration;
using NewsSite.Diagnostics;

namespace NewsSite.Tests.Configuration;

public sealed class SiteConfigReaderTests
{
    [Fact]
    public void A_full_configuration_is_read()
    {
        var bag = new DiagnosticBag();
        var config = SiteConfigReader.Parse("""
            title: The Ledger
            description: News
            base_url: https://example.org/news
            language: en-GB
            time_zone: Europe/London
            permalink: /{section}/{slug}/
            page_size: 10
            sections: [{ slug: world, name: World News }, Politics]
            menu: [{ name: About, url: /about/ }]
            publisher: { name: Ledger Ltd, logo: /media/logo.png }
            markdown: { smart_punctuation: false }
            ads: { enabled: true, after_paragraph: 2, html: <div></div> }
            """, bag);
        Assert.Empty(bag.ToSortedList());
        Assert.NotNull(config);
        Assert.Equal("https://example.org/news/", config.BaseUrl.AbsoluteUri);
        Assert.Equal("/news/", config.BasePath);
        Assert.Equal("Europe/London", config.TimeZone.Id);
        Assert.Equal([new SectionConfig("world", "World News"), new SectionConfig("politics", "Politics")], config.Sections);
        Assert.Equal(10, config.PageSize);
        Assert.False(config.Markdown.SmartPunctuation);
        Assert.True(config.Ads.Enabled);
        Assert.Equal(2, config.Ads.AfterParagraph);
        Assert.Equal(new PublisherConfig("Ledger Ltd", "/media/logo.png"), config.Publisher);
    }

    [Fact]
    public void Errors_carry_line_and_column_and_unknown_keys_are_warnings()
    {
        var bag = new DiagnosticBag();
        var config = SiteConfigReader.Parse("""
            title: T
            base_url: not a url
            time_zone: Mars/Olympus
            page_size: -1
            permalink: /{title}/
            colour: blue
            """, bag);
        Assert.Null(config);
        Assert.Equal(
            [
                "site.yaml:2:11: error NS0501: 'base_url' must be an absolute http or https URL such as https://example.org/, not 'not a url'",
                "site.yaml:3:12: error NS0501: unknown time zone 'Mars/Olympus'; use an IANA name such as Asia/Kolkata or Europe/London",
                "site.yaml:4:12: error NS0202: 'page_size' must be a whole number from 1 to 500, not '-1'",
                "site.yaml:5:12: error NS0501: unknown permalink token '{title}'; use {section}, {yyyy}, {mm}, {dd} or {slug}",
                "site.yaml:6:1: warning NS0502: unknown setting 'colour' is ignored",
            ],
            bag.ToSortedList().Select(d => d.ToString()));
    }

    [Fact]
    public void Menu_and_logo_urls_that_could_run_script_are_errors_at_their_line()
    {
        var bag = new DiagnosticBag();
        var config = SiteConfigReader.Parse("""
            title: T
            base_url: https://a.example/
            menu:
              - { name: World, url: /world/ }
              - { name: A, url: "javascript:alert(1)" }
              - { name: B, url: " JaVaScRiPt:alert(2)" }
              - { name: C, url: "\tjava\nscript:alert(3)" }
              - { name: D, url: "data:text/html,<script>alert(4)</script>" }
              - { name: E, url: "VBScript:msgbox(5)" }
              - { name: F, url: "&#106;avascript:alert(6)" }
              - { name: G, url: "java&#x09;script:alert(7)" }
              - { name: Mail, url: "mailto:desk@a.example" }
            publisher:
              name: P
              logo: "javascript:alert(8)"
            """, bag);

        Assert.Equal(
            [
                "site.yaml:5:21: error NS0501: 'javascript:alert(1)' is not a link a reader can follow; use a path on the site (/about/), an http(s) URL or mailto:",
                "site.yaml:6:21: error NS0501: 'JaVaScRiPt:alert(2)' is not a link a reader can follow; use a path on the site (/about/), an http(s) URL or mailto:",
                "site.yaml:7:21: error NS0501: 'java\\nscript:alert(3)' is not a link a reader can follow; use a path on the site (/about/), an http(s) URL or mailto:",
                "site.yaml:8:21: error NS0501: 'data:text/html,<script>alert(4)</script>' is not a link a reader can follow; use a path on the site (/about/), an http(s) URL or mailto:",
                "site.yaml:9:21: error NS0501: 'VBScript:msgbox(5)' is not a link a reader can follow; use a path on the site (/about/), an http(s) URL or mailto:",
                "site.yaml:10:21: error NS0501: '&#106;avascript:alert(6)' is not a link a reader can follow; use a path on the site (/about/), an http(s) URL or mailto:",
                "site.yaml:11:21: error NS0501: 'java&#x09;script:alert(7)' is not a link a reader can follow; use a path on the site (/about/), an http(s) URL or mailto:",
                "site.yaml:15:9: error NS0501: 'logo' may not be a 'javascript:' URL; use a path such as /world/ or an address with http:, https:, mailto:, tel:",
            ],
            bag.ToSortedList().Select(d => d.ToString()));
        Assert.Null(config);
    }

    [Fact]
    public void A_logo_may_be_an_inline_image()
    {
        var bag = new DiagnosticBag();
        var config = SiteConfigReader.Parse("title: T\npublisher: { name: P, logo: \"data:image/png;base64,AAAA\" }\n", bag);
        Assert.Empty(bag.ToSortedList());
        Assert.Equal("data:image/png;base64,AAAA", config!.Publisher!.Logo);
    }

    [Fact]
    public void Missing_title_is_an_error()
    {
        var bag = new DiagnosticBag();
        Assert.Null(SiteConfigReader.Parse("base_url: https://a.example/\n", bag));
        Assert.Equal("site.yaml:1:1: error NS0501: 'title' is required", Assert.Single(bag.ToSortedList()).ToString());
    }

    [Fact]
    public void Base_url_override_wins()
    {
        var bag = new DiagnosticBag();
        var config = SiteConfigReader.Parse("title: T\nbase_url: https://a.example/\n", bag, "https://preview.example/pr-7/");
        Assert.Equal("https://preview.example/pr-7/", config!.BaseUrl.AbsoluteUri);
    }

    [Fact]
    public void Raw_html_policy_and_embed_hosts_are_read()
    {
        var bag = new DiagnosticBag();
        var config = SiteConfigReader.Parse("""
            title: T
            markdown:
              raw_html: strip
              embed_hosts: [www.YouTube.com, player.vimeo.com]
            """, bag);
        Assert.Empty(bag.ToSortedList());
        Assert.Equal(RawHtmlMode.Strip, config!.Markdown.RawHtml);
        Assert.Equal(["www.youtube.com", "player.vimeo.com"], config.Markdown.EmbedHosts);
        Assert.Equal(RawHtmlMode.Sanitize, SiteConfigReader.Parse("title: T\n", new DiagnosticBag())!.Markdown.RawHtml);
    }

    [Fact]
    public void Wrong_raw_html_values_and_embed_urls_are_errors_at_their_position()
    {
        var bag = new DiagnosticBag();
        var config = SiteConfigReader.Parse("""
            title: T
            markdown:
              raw_html: yes please
              embed_hosts: [https://www.youtube.com/, ok.example]
            """, bag);
        Assert.Null(config);
        Assert.Equal(
            [
                "site.yaml:3:13: error NS0501: 'raw_html' must be sanitize, allow or strip, not 'yes please'",
                "site.yaml:4:17: error NS0501: 'embed_hosts' lists host names such as www.youtube.com, not 'https://www.youtube.com/'",
            ],
            bag.ToSortedList().Select(d => d.ToString()));
    }
}
