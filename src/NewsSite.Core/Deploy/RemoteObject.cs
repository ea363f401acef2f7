namespace NewsSite.Deploy;

/// <summary>An object as the bucket's listing shows it: its ETag (lowercase, without quotes) and size.</summary>
internal sealed record RemoteObject(string Etag, long Size);
