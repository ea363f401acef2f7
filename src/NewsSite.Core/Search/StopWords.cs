using System.Collections.Frozen;

namespace NewsSite.Search;

/// <summary>
/// English function words left out of the index and out of queries. The list travels to the browser in the
/// index metadata, so the page and the build always agree. Words that carry meaning in news ("up", "down",
/// "over", "more", "no") are kept on purpose.
/// </summary>
internal static class StopWords
{
    public static IReadOnlyList<string> All { get; } =
    [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "during",
        "each", "for", "from", "had", "has", "have", "having", "he", "he's", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "i", "i'm", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "me",
        "my", "myself", "nor", "of", "on", "or", "other", "our", "ours", "ourselves", "she", "she's", "should", "so",
        "some", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "there", "these",
        "they", "they're", "this", "those", "through", "to", "too", "until", "was", "wasn't", "we", "we're", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
        "yours", "yourself", "yourselves",
    ];

    private static readonly FrozenSet<string> Set = All.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string foldedWord) => Set.Contains(foldedWord);
}
