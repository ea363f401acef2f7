namespace NewsSite.Deploy;

/// <summary>The headers an object is served with; a change in any of them means the object is uploaded again.</summary>
internal sealed record ObjectHeaders(string ContentType, string CacheControl, string? ContentEncoding)
{
    /// <summary>The three values in one string, as the deploy manifest keeps them.</summary>
    public string Signature => $"{ContentType}\n{CacheControl}\n{ContentEncoding}";

    public static ObjectHeaders FromSignature(string signature)
    {
        var parts = signature.Split('\n');
        return parts.Length == 3
            ? new ObjectHeaders(parts[0], parts[1], parts[2].Length == 0 ? null : parts[2])
            : new ObjectHeaders("", "", null);
    }
}
