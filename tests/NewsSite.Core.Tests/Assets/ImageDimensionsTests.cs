using NewsSite.Assets;

namespace NewsSite.Tests.Assets;

public sealed class ImageDimensionsTests
{
    [Fact]
    public void Png_size_comes_from_the_ihdr_chunk()
    {
        byte[] png = [0x89, .. "PNG\r\n\x1a\n"u8, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0x01, 0x40, 0, 0, 0, 0xB4, 8, 2, 0, 0, 0];
        Assert.Equal((320, 180), ImageDimensions.Read(png));
    }

    [Fact]
    public void Gif_size_comes_from_the_logical_screen()
    {
        byte[] gif = [.. "GIF89a"u8, 0x40, 0x01, 0xB4, 0x00, 0, 0, 0];
        Assert.Equal((320, 180), ImageDimensions.Read(gif));
    }

    [Fact]
    public void Jpeg_size_comes_from_the_start_of_frame_after_other_segments()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x06, .. "JFIF"u8,
            0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00,
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0xB4, 0x01, 0x40, 0x03, 0x01, 0x22, 0x00,
        ];
        Assert.Equal((320, 180), ImageDimensions.Read(jpeg));
    }

    [Fact]
    public void Webp_lossless_size_comes_from_the_vp8l_header()
    {
        uint bits = (320 - 1) | ((180 - 1) << 14);
        byte[] webp = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8L"u8, 0, 0, 0, 0, 0x2F, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), 0, 0, 0, 0, 0];
        Assert.Equal((320, 180), ImageDimensions.Read(webp));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0, 0, 0, 0, 0, 0 })]
    public void Unknown_or_damaged_headers_give_null(byte[] data) => Assert.Null(ImageDimensions.Read(data));

    [Fact]
    public void The_sample_lead_image_is_read()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "NewsSite.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        Assert.Equal((320, 180), ImageDimensions.Read(File.ReadAllBytes(Path.Combine(root, "content/media/glacier.png"))));
    }
}
