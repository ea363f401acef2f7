using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace NewsSite.Caching;

/// <summary>
/// The bytes of one XxHash3, gathered in a buffer rented from the shared pool and hashed in one call when
/// finished. Beyond a buffer's worth, they go to a streaming <see cref="XxHash128"/>, which gives the same hash.
/// </summary>
/// <remarks>A mutable struct, held in a field of the builder that owns it; finished once. The pooled buffer spares
/// an object per key for the many small inputs.</remarks>
internal struct HashInput
{
    private const int BufferSize = 4096;

    private byte[]? _buffer;
    private int _length;
    private XxHash128? _stream;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        _buffer ??= ArrayPool<byte>.Shared.Rent(BufferSize);
        while (_buffer.Length - _length < bytes.Length)
        {
            var fits = _buffer.Length - _length;
            bytes[..fits].CopyTo(_buffer.AsSpan(_length));
            _stream ??= new XxHash128();
            _stream.Append(_buffer);
            _length = 0;
            bytes = bytes[fits..];
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Append(int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        Append(bytes);
    }

    /// <summary>Writes the 16-byte hash into <paramref name="hash"/> and gives the buffer back to the pool.</summary>
    public void Finish(Span<byte> hash)
    {
        var rest = _buffer.AsSpan(0, _length);
        if (_stream is null)
        {
            XxHash128.Hash(rest, hash);
        }
        else
        {
            _stream.Append(rest);
            _stream.GetCurrentHash(hash);
        }

        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = null;
        _length = 0;
        _stream = null;
    }
}
