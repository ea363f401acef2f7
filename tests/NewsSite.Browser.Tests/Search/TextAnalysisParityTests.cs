using NewsSite.Search;
using Microsoft.Playwright;

namespace NewsSite.Browser.Tests;

/// <summary>
/// The page folds, splits and stems a query with search.js; the build did the same to the articles in C#.
/// They must agree on every word, or a query would miss what the index holds.
/// </summary>
[Collection(SampleSiteInChromium.Name)]
public sealed class TextAnalysisParityTests(SampleSiteFixture site)
{
    private static readonly string[] Roots =
    [
        "nation", "ration", "general", "commun", "arsen", "happy", "cry", "hope", "hop", "agree", "feed", "sky",
        "condition", "relate", "sensitiv", "electric", "adjust", "argue", "depend", "adopt", "control", "roll",
        "luxury", "formal", "central", "good", "fluent", "able", "disseminat", "youth", "toy", "say", "bus", "gas",
        "kiwi", "tie", "bleed", "inning", "proceed", "succeed", "dying", "fish", "fizz", "abbreviat", "generous",
        "ogi", "analog", "fulli", "less", "cease", "quake", "parliament", "market", "monsoon", "elect", "yell",
    ];

    private static readonly string[] Suffixes =
    [
        "", "s", "es", "'s", "s'", "'", "ed", "ing", "ingly", "edly", "eed", "eedly", "ly", "li", "ness", "ful",
        "fulness", "ation", "ational", "tional", "izer", "ization", "iveness", "iviti", "biliti", "bli", "ogi",
        "ement", "ment", "ence", "ance", "enci", "anci", "abli", "able", "ible", "ism", "iti", "ous", "ousli",
        "ive", "ize", "ion", "al", "alism", "aliti", "alli", "er", "ic", "ical", "icate", "iciti", "ative", "alize",
        "lessli", "entli", "ator", "y", "ies", "ied", "sses", "us", "ss", "e", "l",
    ];

    [FactNeeding(SystemTool.Chromium)]
    public async Task The_browser_stems_every_word_as_the_build_does()
    {
        var words = Roots.SelectMany(root => Suffixes.Select(suffix => root + suffix))
            .Concat(RandomWords(3000))
            .Concat(SampleVocabulary())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var browser = await EvaluateAsync<string[]>("words => words.map(w => NewsSiteSearch.stem(w))", words);
        var differences = words.Select((w, i) => (Word: w, CSharp: EnglishStemmer.Stem(w), Js: browser[i]))
            .Where(d => d.CSharp != d.Js)
            .Select(d => $"{d.Word}: C# {d.CSharp}, JS {d.Js}")
            .ToList();
        Assert.True(words.Length > 5000, $"only {words.Length} words were compared");
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20)));
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task The_browser_folds_and_splits_text_as_the_build_does()
    {
        string[] texts =
        [
            "Café CAFÉ naïve", "ÅNGSTRÖM Ørsted Łódź", "İstanbul", "ΟΔΟΣ οδός", "Straße", "ﬁancé", "한국어 뉴스",
            "नमस्ते दुनिया", "Ǆemal ǅ", "Æsir", "o\u0301 e\u0308\u0301", "Ⅻ ² ½", "India’s O‘Brien ʼokina", "x\u200Dy",
            "rock'n'roll --- 'quoted'", "COVID-19 2025/26 3.5%", "𝒜𝒷𝒸 emoji 😀 here", "Tiếng Việt", "Привет, мир",
            "مرحبا بالعالم", "日本語のテキスト", "a\tb\nc", "",
        ];
        var browser = await EvaluateAsync<string[][]>(
            "texts => texts.map(t => { const f = NewsSiteSearch.fold(t); return [f].concat(NewsSiteSearch.tokenize(f)); })", texts);
        for (var i = 0; i < texts.Length; i++)
        {
            var folded = TextFolding.Fold(texts[i]);
            Assert.Equal([folded, .. Tokenizer.Words(folded)], browser[i]);
        }
    }

    [FactNeeding(SystemTool.Chromium)]
    public async Task The_browser_reads_the_index_encoding_the_build_writes()
    {
        int[] values = [0, 1, 31, 32, 1023, 1024, 65_535, 1_000_000];
        var decoded = await EvaluateAsync<int[]>("text => NewsSiteSearch.readVarints(text)", VarintText.Encode(values));
        Assert.Equal(values, decoded);
    }

    private async Task<T> EvaluateAsync<T>(string script, object argument)
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(site.Server.Url("/search/"));
        await page.WaitForFunctionAsync("() => window.NewsSiteSearch !== undefined");
        var result = await page.EvaluateAsync<T>(script, argument);
        Assert.Empty(errors);
        await page.CloseAsync();
        return result;
    }

    private static IEnumerable<string> RandomWords(int count)
    {
        var random = new Random(20251127);
        const string letters = "abcdefghijklmnopqrstuvwxyzaeiouyyslt'";
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(3, 13);
            yield return new string([.. Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)])]);
        }
    }

    private static IEnumerable<string> SampleVocabulary() =>
        Directory.EnumerateFiles(Path.Combine(SampleSiteFixture.RepositoryRoot, "content"), "*.md", SearchOption.AllDirectories)
            .SelectMany(file => Tokenizer.Words(TextFolding.Fold(File.ReadAllText(file))));
}
