namespace NewsSite.Search;

/// <summary>
/// What indexing needs of one article once its text has been read: each term (a <see cref="TermTable"/> number)
/// with its weighted frequency, the article's weighted length, the words it brings to the prefix list with their
/// terms, and its result snippet. This is what the analysis cache keeps.
/// </summary>
internal sealed record ArticleAnalysis(int[] Terms, int[] Frequencies, int Length, int[] Words, int[] WordTerms, string Snippet);
