using NewsSite.Assets;
using NewsSite.Caching;
using NewsSite.FrontMatter;
using System.Collections.Concurrent;
using NetVips;
using NewsSite.Configuration;
using NewsSite.Content;
using NewsSite.Diagnostics;
using NewsSite.Model;
using NewsSite.Output;

namespace NewsSite.Pictures;

/// <summary>
/// The pictures stage: every JPEG, PNG, GIF and WebP file under content/ is published cleaned (upright, without
/// metadata) at its own URL, with resized copies in WebP and its own format, and crops for the articles that lead
/// with it. A file whose inputs did not change since the last build is kept, not processed again.
/// </summary>
internal sealed class PictureStage
{
    /// <summary>Part of every file's fingerprint and name: bump it when the processing changes what it writes.</summary>
    private const string PipelineVersion = "pictures/1";

    /// <summary>Larger files are refused unread: no camera photo is near it, and bytes are held while processed.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>A PNG past this many pixels gets a warning: its full-size copy stays heavy however it is compressed.</summary>
    private const long HugePngPixels = 16_000_000;

    private readonly PicturesConfig _settings;
    private readonly OutputWriter _output;
    private readonly DiagnosticBag _diagnostics;
    private readonly PictureProcessor _processor;
    private readonly Hash128 _parameters;
    private int _processed;

    private PictureStage(PicturesConfig settings, OutputWriter output, DiagnosticBag diagnostics)
    {
        Vips.Configure();
        _settings = settings;
        _output = output;
        _diagnostics = diagnostics;
        _processor = new PictureProcessor(settings);
        _parameters = new ContentHash.Builder()
            .Add(PipelineVersion)
            .Add(NetVips.NetVips.Version(0)).Add(NetVips.NetVips.Version(1)).Add(NetVips.NetVips.Version(2))
            .Add(settings.Quality)
            .Add(settings.KeepMetadata)
            .Finish();
    }

    /// <summary>How many pictures are processed at once: each holds its source's bytes and a decoded copy.</summary>
    public static int Parallelism => Math.Clamp(Environment.ProcessorCount, 1, 4);

    public static PictureCatalog Run(SiteModel site, IReadOnlyList<SourceFile> media, OutputWriter output, DiagnosticBag diagnostics)
    {
        var files = media.Where(f => PictureFormats.OfPath(f.RelativePath) is not null).ToList();
        if (files.Count == 0)
        {
            return PictureCatalog.Empty;
        }

        // Where each picture is a lead image: the first such field locates its errors; each focal point gets crops.
        var uses = new Dictionary<string, List<ArticleImage>>(StringComparer.Ordinal);
        foreach (var entry in site.Entries)
        {
            if (entry.ImageUrl is { } route && entry.Article.Image is { } image)
            {
                (uses.TryGetValue(route, out var list) ? list : uses[route] = []).Add(image);
            }
        }

        var stage = new PictureStage(site.Config.Pictures, output, diagnostics);
        var pictures = new ConcurrentDictionary<string, Picture>(StringComparer.Ordinal);

        // OutputWriter creates a folder on the first write into it, without making a second writer wait for it: two
        // workers writing into one new folder could fail. The pictures' folders are made before the workers start.
        foreach (var folder in files.Select(f => Path.GetDirectoryName(f.RelativePath[(ContentSource.FolderName.Length + 1)..])!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(Path.Combine(output.StagingRoot, folder));
        }

        // Largest first, so that one big picture left to the end does not leave the other workers idle.
        var ordered = files.OrderByDescending(f => f.Length).ThenBy(f => f.RelativePath, StringComparer.Ordinal);
        Parallel.ForEach(ordered, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, file =>
        {
            var route = ContentMedia.RouteOf(file);
            var used = uses.GetValueOrDefault(route) ?? [];
            var at = used.Select(u => u.Location).FirstOrDefault(l => l is not null) ?? SourceLocation.StartOf(file.RelativePath);
            if (stage.Publish(file, route, used, at) is { } picture)
            {
                pictures[route] = picture;
            }
        });

        return new PictureCatalog(
            pictures.ToDictionary(StringComparer.Ordinal),
            files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal),
            stage._processed);
    }

    private Picture? Publish(SourceFile file, string route, List<ArticleImage> used, SourceLocation at)
    {
        var name = used.Count > 0 ? $"image '{used[0].Src}'" : $"picture {file.RelativePath}";
        if (file.Length > MaxFileBytes)
        {
            Error(at, $"{name} is {file.Length / (1024 * 1024)} MB, more than the {MaxFileBytes / (1024 * 1024)} MB a picture may be; export it smaller");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = RegularFile.Read(file.FullPath, MaxFileBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Error(at, $"cannot read {name}: {exception.Message}");
            return null;
        }

        var (header, problem) = PictureHeader.Read(bytes, _settings.MaxPixels);
        if (header is null)
        {
            Error(at, $"{name} {problem}");
            return null;
        }

        Warn(header, name, at);
        var stamp = new ContentHash.Builder().Add(_parameters).Add(ContentHash.Of(bytes)).Finish();
        var picture = PicturePlan.For(route, header, stamp.ToString(), _settings, used.Select(u => u.Focus));
        var fingerprint = stamp;
        var wanted = picture.WebP.Concat(picture.Fallback).Concat(picture.Crops.Values).Select(f => f.Route[1..]).Prepend(route[1..]).ToList();
        if (wanted.All(path => _output.TryKeep(path, fingerprint)))
        {
            return picture;
        }

        // Some were kept and claimed; the rest are made here. A file kept is not written again (TryWrite says no).
        try
        {
            Write(route, _processor.Original(bytes, header), fingerprint);
            foreach (var (resized, encoded) in _processor.Resized(bytes, picture))
            {
                Write(resized.Route, encoded, fingerprint);
            }

            foreach (var ((_, focus), crop) in picture.Crops.OrderBy(c => c.Value.Route, StringComparer.Ordinal))
            {
                Write(crop.Route, _processor.Crop(bytes, picture, crop, focus), fingerprint);
            }
        }
        catch (VipsException exception)
        {
            Error(at, $"{name} is damaged and cannot be published: {PictureHeader.FirstLine(exception.Message)}");
            return null;
        }

        Interlocked.Increment(ref _processed);
        return picture;
    }

    private void Write(string route, byte[] bytes, Hash128 fingerprint)
    {
        // False only for a path already claimed: kept from the last build above, or a file the editor named so.
        _output.TryWrite(route[1..], bytes, fingerprint);
    }

    private void Warn(PictureHeader header, string name, SourceLocation at)
    {
        if (header.Cmyk)
        {
            Warning(at, $"{name} is a CMYK (print) JPEG; it is published converted to sRGB, as browsers show CMYK colours wrongly");
        }

        if (header.SixteenBit)
        {
            Warning(at, $"{name} has 16 bits per channel; it is published at 8, which is all screens show");
        }

        if (header.Animated)
        {
            Warning(at, $"{name} is animated ({header.Pages} frames); it is published at full size without resized copies (its metadata is removed)");
        }
        else if (header.Format == PictureFormat.Png && (long)header.Width * header.Height > HugePngPixels)
        {
            Warning(at, $"{name} is a {header.Width}×{header.Height} PNG; readers get resized copies, but its full-size copy stays heavy: crop it, or export a photo as JPEG");
        }
    }

    private void Error(SourceLocation at, string message) => _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnreadableImage, message, at));

    private void Warning(SourceLocation at, string message) => _diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.PictureConverted, message, at));

    /// <summary>
    /// libvips, loaded and set up the first time a site has pictures: loading it costs a build without any a
    /// noticeable part of a one-article rebuild.
    /// </summary>
    private static class Vips
    {
        static Vips()
        {
            // libvips settings are per process. Its operation cache would keep decoded pictures alive between
            // workers, and its own thread pool would multiply ours: each worker runs one picture on one thread.
            Cache.Max = 0;
            NetVips.NetVips.Concurrency = 1;
            NetVips.NetVips.BlockUntrusted = true;

            // libvips prints its warnings (a damaged JPEG's, say) to stderr; what matters reaches us as errors.
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning, (_, _, _) => { });
        }

        /// <summary>Runs the static constructor once, before the first picture.</summary>
        public static void Configure()
        {
        }
    }
}
