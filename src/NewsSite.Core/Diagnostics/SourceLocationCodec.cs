namespace NewsSite.Diagnostics;

/// <summary>
/// The binary form of an optional <see cref="SourceLocation"/>, for the article cache and packed fields. A location
/// nearly always points into the file it was read from; that file's path is then not written again.
/// </summary>
internal static class SourceLocationCodec
{
    public static void Write(BinaryWriter w, SourceLocation? location, string? ownPath)
    {
        if (location is not { } at)
        {
            w.Write((byte)0);
            return;
        }

        var own = at.Path == ownPath;
        w.Write(own ? (byte)1 : (byte)2);
        if (!own)
        {
            w.Write(at.Path);
        }

        w.Write(at.Line);
        w.Write(at.Column);
    }

    /// <summary>Steps over a location without making it, checking that it is one <see cref="Read"/> would take.</summary>
    /// <param name="ownPath">The path <see cref="Write"/> was given.</param>
    /// <exception cref="InvalidDataException">Not a location, or one that runs past the stream.</exception>
    public static void Skip(BinaryReader r, string? ownPath)
    {
        switch (r.ReadByte())
        {
            case 0:
                return;
            case 1 when ownPath is not null:
                break;
            case 2:
                r.SkipString();
                break;
            default:
                throw new InvalidDataException("unknown location kind");
        }

        r.BaseStream.Seek(2 * sizeof(int), SeekOrigin.Current);
    }

    /// <param name="ownPath">The path <see cref="Write"/> was given.</param>
    public static SourceLocation? Read(BinaryReader r, string? ownPath) => r.ReadByte() switch
    {
        0 => null,
        1 when ownPath is not null => new SourceLocation(ownPath, r.ReadInt32(), r.ReadInt32()),
        2 => new SourceLocation(r.ReadString(), r.ReadInt32(), r.ReadInt32()),
        _ => throw new InvalidDataException("unknown location kind"),
    };
}
