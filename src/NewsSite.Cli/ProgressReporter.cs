using System.Globalization;

namespace NewsSite.Cli;

/// <summary>
/// Shows how a build goes: with <c>--verbose</c>, one line per stage with its time; on a terminal, a progress line
/// that appears only when a build takes longer than <see cref="LineDelay"/> and is erased when it ends.
/// </summary>
internal sealed class ProgressReporter : IProgress<BuildStage>, IDisposable
{
    public static readonly TimeSpan LineDelay = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan LinePeriod = TimeSpan.FromSeconds(0.2);

    private readonly Terminal _terminal;
    private readonly bool _verbose;
    private readonly long _buildStart;
    private readonly ITimer? _timer;
    private readonly Lock _gate = new();
    private BuildStage? _stage;
    private long _stageStart;
    private int _lineWidth;
    private bool _disposed;

    public ProgressReporter(Terminal terminal, bool verbose, bool progressLine)
    {
        _terminal = terminal;
        _verbose = verbose;
        _buildStart = terminal.Clock.GetTimestamp();
        _timer = progressLine ? terminal.Clock.CreateTimer(_ => DrawLine(), null, LineDelay, LinePeriod) : null;
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
        _timer?.Dispose();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

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

    private void DrawLine()
    {
        lock (_gate)
        {
            if (_disposed || _stage is not { } stage)
            {
                return;
            }

            var seconds = _terminal.Clock.GetElapsedTime(_buildStart).TotalSeconds;
            var items = stage.Items > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({stage.Items})") : "";
            var text = string.Create(CultureInfo.InvariantCulture, $"building: {stage.Name}{items}… {seconds:0.0} s");
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
