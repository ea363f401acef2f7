using NewsSite.Caching;

namespace NewsSite.Tests.Caching;

public sealed class Hash128Tests
{
    [Fact]
    public void The_same_bytes_hash_alike_and_others_do_not()
    {
        var bytes = "Monsoon floods close schools"u8.ToArray();

        Assert.Equal(ContentHash.Of(bytes), ContentHash.Of(bytes.ToArray()));
        Assert.NotEqual(ContentHash.Of(bytes), ContentHash.Of("Monsoon floods close school"u8));
    }

    [Fact]
    public void Writes_and_reads_back_as_sixteen_bytes()
    {
        var hash = new Hash128(0x0123456789ABCDEF, 0xFEDCBA9876543210);
        var bytes = new byte[16];

        hash.Write(bytes);

        Assert.Equal(hash, Hash128.Read(bytes));
        Assert.Equal(0xEF, bytes[0]);
        Assert.Equal(0x10, bytes[8]);
    }
}
