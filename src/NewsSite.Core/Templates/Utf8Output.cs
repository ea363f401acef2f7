using System.Text;
using Scriban.Runtime;

namespace NewsSite.Templates;

/// <summary>
/// A template output that encodes to UTF-8 as it is written, into a buffer kept for the next page. A page is
/// written to disk as UTF-8, so it is never held as a page-sized string and copied.
/// </summary>
internal sealed class Utf8Output : IScriptOutput
{
    // Stateful, so a surrogate pair split across two writes still encodes as one character.
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private byte[] _buffer;
    private int _length;

    public Utf8Output(int capacity = 16 * 1024) => _buffer = new byte[capacity];

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>The bytes written so far, valid until the next write or <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Clear()
    {
        _length = 0;
        _encoder.Reset();
    }

    public void Write(string text, int offset, int count)
    {
        var chars = text.AsSpan(offset, count);
        Reserve(Encoding.UTF8.GetMaxByteCount(chars.Length));
        _encoder.Convert(chars, _buffer.AsSpan(_length), flush: false, out _, out var bytesUsed, out _);
        _length += bytesUsed;
    }

    /// <summary>Appends markup that is UTF-8 already, such as a teaser card.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> bytes)
    {
        Flush();
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Encodes a high surrogate still waiting for its pair, as a string's encoding would.</summary>
    public void Flush()
    {
        Reserve(4);
        _encoder.Convert([], _buffer.AsSpan(_length), flush: true, out _, out var bytesUsed, out _);
        _length += bytesUsed;
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Encoding.UTF8.GetString(Written);

    private void Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
    }
}
