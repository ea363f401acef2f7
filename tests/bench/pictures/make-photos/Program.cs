using System.Globalization;
using NetVips;

// make-photos SOURCE_DIR OUT_DIR COUNT: camera-sized JPEGs (3 to 16 megapixels, quality 92) made by scaling the
// photographs in SOURCE_DIR, cycling through them and through sizes, so every run makes the same files.
var sources = Directory.GetFiles(args[0], "*.jpg").Order(StringComparer.Ordinal).ToArray();
var output = Directory.CreateDirectory(args[1]).FullName;
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
double[] megapixels = [3, 5, 8, 12, 16];
for (var i = 0; i < count; i++)
{
    var path = Path.Combine(output, $"photo-{i:D4}.jpg");
    if (File.Exists(path))
    {
        continue;
    }

    using var source = Image.NewFromFile(sources[i % sources.Length]);
    var scale = Math.Sqrt(megapixels[i % megapixels.Length] * 1_000_000 / ((double)source.Width * source.Height));
    using var sized = source.Resize(scale, kernel: scale > 1 ? Enums.Kernel.Cubic : Enums.Kernel.Lanczos3);
    sized.Jpegsave(path, q: 92, keep: Enums.ForeignKeep.None);
}

Console.WriteLine($"{count} photos in {output}");
