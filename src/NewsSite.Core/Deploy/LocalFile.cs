namespace NewsSite.Deploy;

/// <summary>A file of the built site: its key under the bucket's prefix, size, MD5 and the headers it is served with.</summary>
/// <param name="Path">The file's path in the output folder, with '/' separators (<c>world/index.html</c>).</param>
/// <param name="Md5">Lowercase hex MD5 of the file's bytes as they are on disk.</param>
/// <param name="Compressible">A text file, uploaded compressed when site.yaml asks for it.</param>
internal sealed record LocalFile(string Path, string FullPath, long Size, string Md5, string ContentType, string CacheControl, bool Compressible);
