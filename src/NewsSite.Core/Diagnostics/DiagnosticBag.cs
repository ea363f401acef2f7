namespace NewsSite.Diagnostics;

/// <summary>
/// Collects diagnostics from every stage, including parallel ones, so a build reports all problems at once.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_gate)
        {
            _items.AddRange(diagnostics);
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(d => d.IsError);
            }
        }
    }

    /// <summary>Sorted by path, line and column (ordinal), so the output never depends on thread timing.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (_gate)
        {
            return [.. _items.Distinct().Order(DiagnosticOrder.Instance)];
        }
    }

    private sealed class DiagnosticOrder : IComparer<Diagnostic>
    {
        public static readonly DiagnosticOrder Instance = new();

        public int Compare(Diagnostic? x, Diagnostic? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var (lx, ly) = (x.Location, y.Location);
            var byPlace = (lx, ly) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                ({ } a, { } b) => Compare(a, b),
            };
            if (byPlace != 0)
            {
                return byPlace;
            }

            var byCode = string.CompareOrdinal(x.Code, y.Code);
            return byCode != 0 ? byCode : string.CompareOrdinal(x.Message, y.Message);
        }

        private static int Compare(SourceLocation a, SourceLocation b)
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            if (byPath != 0)
            {
                return byPath;
            }

            return a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
        }
    }
}
