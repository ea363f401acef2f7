using NewsSite.Configuration;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.Caching;
using NewsSite.Output;
using NewsSite.Templates;

namespace NewsSite.Output;

/// <summary>
/// The site's inputs as the file system describes them, hashed: the path, size and modification time of site.yaml and
/// of every file under content/ and templates/, with the build options that change the output. Equal stamps mean that
/// no input was touched, without reading a byte of them.
/// </summary>
/// <param name="Settled">False when a file changed in the last <see cref="SourceFile.SettleTime"/>.</param>
internal sealed record SourceStamp(Hash128 Hash, bool Settled)
{
    /// <param name="content">The files under content/, as discovered for this build.</param>
    /// <param name="leftOut">What listing content/ reported (links not followed, scratch files): a new one is a change.</param>
    /// <param name="options">The options that change what is written, in a stable text form.</param>
    /// <param name="utcNow">The file system's "now" (not the build's publishing clock).</param>
    public static SourceStamp Take(string siteRoot, IReadOnlyList<SourceFile> content, IReadOnlyList<Diagnostic> leftOut, string options, DateTime utcNow)
    {
        var hash = new ContentHash.Builder().Add(options);
        var newest = DateTime.MinValue;
        void Add(string name, long length, DateTime written)
        {
            hash.Add(name).Add(length).Add(written.Ticks);
            newest = written > newest ? written : newest;
        }

        var config = new FileInfo(Path.Combine(siteRoot, SiteConfigReader.FileName));
        if (config.Exists)
        {
            Add(SiteConfigReader.FileName, config.Length, config.LastWriteTimeUtc);
        }

        void AddLeftOut(IReadOnlyList<Diagnostic> diagnostics)
        {
            hash.Add(diagnostics.Count);
            foreach (var diagnostic in diagnostics)
            {
                hash.Add(diagnostic.ToString());
            }
        }

        AddLeftOut(leftOut);
        hash.Add(content.Count);
        foreach (var file in content)
        {
            Add(file.RelativePath, file.Length, file.LastWriteTimeUtc);
        }

        var templatesLeftOut = new DiagnosticBag();
        var templates = TemplateSet.SiteFiles(siteRoot, templatesLeftOut).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        AddLeftOut(templatesLeftOut.ToSortedList());
        hash.Add(templates.Count);
        foreach (var (name, fullPath) in templates)
        {
            var file = new FileInfo(fullPath);
            Add(TemplateSet.FolderName + "/" + name, file.Exists ? file.Length : -1, file.LastWriteTimeUtc);
        }

        return new SourceStamp(hash.Finish(), newest <= utcNow - SourceFile.SettleTime);
    }
}
