using System.Globalization;

namespace NewsSite.Cli;

/// <summary>
/// Shows how a build goes: with <c>--verbose</c>, one line per stage with its time; on a terminal, a progress line
/// that appears only when a build takes longer than <see cref="LineDelay"/> and is erased when it ends. The line
/// is redrawn by a thread of its own: timer callbacks would wait behind the build's parallel work for the pool.
/// </summary>
internal sealed class ProgressReporter : IProgress<BuildStage>, IDisposable
{
    public static readonly TimeSpan LineDelay = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan LinePeriod = TimeSpan.FromSeconds(0.2);

    private readonly Terminal _terminal;
    private readonly bool _verbose;
    private readonly bool _progressLine;
    private readonly string _verb;
    private readonly long _buildStart;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread? _drawer;
    private readonly Lock _gate = new();
    private BuildStage? _stage;
    private long _stageStart;
    private int _lineWidth;
    private bool _disposed;
    private int _disposing;

    /// <param name="drawThread">False in tests, which call <see cref="Tick"/> themselves with a fake clock.</param>
    /// <param name="verb">What the command is doing, at the start of the line.</param>
    public ProgressReporter(Terminal terminal, bool verbose, bool progressLine, bool drawThread = true, string verb = "building")
    {
        _verb = verb;
        _terminal = terminal;
        _verbose = verbose;
        _buildStart = terminal.Clock.GetTimestamp();
        _progressLine = progressLine;
        if (progressLine && drawThread)
        {
            _drawer = new Thread(() =>
            {
                while (!_stop.Wait(LinePeriod))
                {
                    Tick();
                }
            })
            { IsBackground = true, Name = "newssite progress line" };
            _drawer.Start();
        }
    }

    public void Report(BuildStage value)
    {
        lock (_gate)
        {
            var now = _terminal.Clock.GetTimestamp();
            FinishStage(now);
            _stage = value;
            _stageStart = now;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposing, 1) == 1)
        {
            return;
        }

        _stop.Set();
        _drawer?.Join();
        _stop.Dispose();
        lock (_gate)
        {
            _disposed = true;
            ClearLine();
            FinishStage(_terminal.Clock.GetTimestamp());
            _stage = null;
        }
    }

    private void FinishStage(long now)
    {
        if (_verbose && _stage is { } stage)
        {
            var seconds = _terminal.Clock.GetElapsedTime(_stageStart, now).TotalSeconds;
            var items = stage.Items > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({stage.Items})") : "";
            ClearLine();
            _terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage.Name}{items}: {seconds:0.000} s"));
        }
    }

    /// <summary>Draws the progress line once the build has run for <see cref="LineDelay"/>.</summary>
    internal void Tick()
    {
        lock (_gate)
        {
            var elapsed = _terminal.Clock.GetElapsedTime(_buildStart);
            if (!_progressLine || _disposed || _stage is not { } stage || elapsed < LineDelay)
            {
                return;
            }

            var seconds = elapsed.TotalSeconds;
            var items = stage.Items > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({stage.Items})") : "";
            var text = string.Create(CultureInfo.InvariantCulture, $"{_verb}: {stage.Name}{items}… {seconds:0.0} s");
            _terminal.Error.Write("\r" + text.PadRight(_lineWidth));
            _terminal.Error.Flush();
            _lineWidth = Math.Max(_lineWidth, text.Length);
        }
    }

    private void ClearLine()
    {
        if (_lineWidth > 0)
        {
            _terminal.Error.Write("\r" + new string(' ', _lineWidth) + "\r");
            _lineWidth = 0;
        }
    }
}
