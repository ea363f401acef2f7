using BenchmarkDotNet.Attributes;
using NewsSite.Configuration;
using NewsSite.FrontMatter;
using NewsSite.Markdown;
using NewsSite.Output;
using NewsSite.Time;

namespace NewsSite.Benchmarks;

/// <summary>The hot stages, one article at a time: front matter, Markdown, writing.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private readonly ArticleReader _reader = new(SiteTimeZone.Find("Asia/Kolkata")!, ArticleLimits.Default);
    private readonly MarkdownRenderer _markdown = new(new MarkdownConfig());
    private string _body = "";
    private string _output = "";
    private OutputWriter? _writer;
    private int _file;

    [GlobalSetup]
    public void Setup()
    {
        _body = _reader.Read(SampleArticle.Text, "content/world/sample.md").Article!.Body;
        _output = Path.Combine(Path.GetTempPath(), "newssite-bench-out");
        _writer = OutputWriter.Begin(_output, NewsSite.Caching.BuildCache.None);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer?.Dispose();

    [Benchmark]
    public object? FrontMatter() => _reader.Read(SampleArticle.Text, "content/world/sample.md").Article;

    [Benchmark]
    public object Markdown() => _markdown.RenderBody(_body, "Islamabad", 3);

    [Benchmark]
    public object KeyPoint() => _markdown.RenderInline("It is the largest such ceasefire this year, and exporters say the season remains record.");

    [Benchmark]
    public bool Write() => _writer!.TryWrite($"p/{_file++}/index.html", SampleArticle.Text);
}
