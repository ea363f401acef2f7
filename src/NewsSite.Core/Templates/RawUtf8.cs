using System.Text;

namespace NewsSite.Templates;

/// <summary>
/// Markup we made ourselves, held as UTF-8: written as it is into a <see cref="Utf8Output"/> without passing
/// through a string, and decoded only where a template treats it as text.
/// </summary>
internal sealed class RawUtf8(ReadOnlyMemory<byte> bytes)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public override string ToString() => Encoding.UTF8.GetString(Bytes.Span);
}
