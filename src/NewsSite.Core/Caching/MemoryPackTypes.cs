using System.Runtime.CompilerServices;
using MemoryPack;

namespace NewsSite.Caching;

/// <summary>
/// MemoryPack registers a type's formatter in the type's static constructor, and a thread that reads or writes the
/// type while another thread is inside that constructor can find no formatter at all (a NullReferenceException in
/// MemoryPack; Cysharp/MemoryPack#458). Every serializable type of ours is registered once, on one thread, before a
/// stage reads articles or the build cache in parallel.
/// </summary>
internal static class MemoryPackTypes
{
    private static readonly bool Registered = RegisterAll();

    /// <summary>Returns once every type is registered; cheap after the first call.</summary>
    public static void EnsureRegistered() => _ = Registered;

    private static bool RegisterAll()
    {
        foreach (var type in typeof(MemoryPackTypes).Assembly.GetTypes())
        {
            if (typeof(IMemoryPackFormatterRegister).IsAssignableFrom(type) && !type.ContainsGenericParameters)
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
        }

        return true;
    }
}
