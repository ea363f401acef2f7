using System.IO.Hashing;
using NewsSite.Caching;

namespace NewsSite.Tests.Caching;

public sealed class HashInputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(70_000)]
    public void Bytes_appended_in_pieces_hash_as_the_whole_does_and_as_a_streaming_hasher_does(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var input = new HashInput();
        var streamed = new XxHash128();
        var random = new Random(7);
        for (var at = 0; at < length;)
        {
            // Pieces of every size, some longer than the buffer, so that it fills up in the middle of one.
            var piece = Math.Min(length - at, random.Next(0, 9000));
            input.Append(bytes.AsSpan(at, piece));
            streamed.Append(bytes.AsSpan(at, piece));
            at += piece;
        }

        var hash = new byte[16];
        input.Finish(hash);

        Assert.Equal(XxHash128.Hash(bytes), hash);
        Assert.Equal(streamed.GetCurrentHash(), hash);
    }

    [Fact]
    public void A_number_is_its_four_bytes_little_endian()
    {
        var input = new HashInput();
        input.Append(0x01020304);
        var hash = new byte[16];
        input.Finish(hash);

        Assert.Equal(XxHash128.Hash([0x04, 0x03, 0x02, 0x01]), hash);
    }
}
