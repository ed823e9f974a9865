using System.Globalization;

namespace Inward.Features.Listening.Pulses;

/// <summary>A point drawn on a line: where it sits and the value it stands for.</summary>
public sealed record ChartPoint(double X, double Y, double Value);

/// <summary>One line of the chart: its runs of consecutive shown points (a hidden point breaks the line) and the points themselves.</summary>
public sealed record ChartLine(string Name, int Index, IReadOnlyList<string> Segments, IReadOnlyList<ChartPoint> Points);

/// <summary>An axis mark: its position and label.</summary>
public sealed record ChartTick(double Position, string Label);

/// <summary>
/// A whole chart in SVG user units; <see cref="Gaps"/> are the x positions of cycles where every line is hidden.
/// <see cref="RightToLeft"/>: time runs from right to left and the value axis stands on the right.
/// </summary>
public sealed record TrendChartDrawing(double Width, double Height, double Left, double Top, double Right, double Bottom, IReadOnlyList<ChartTick> XTicks,
    IReadOnlyList<ChartTick> YTicks, IReadOnlyList<ChartLine> Lines, IReadOnlyList<double> Gaps, bool RightToLeft = false);

/// <summary>
/// Lays out a line chart of values per cycle for server-rendered SVG (as the service map, ADR 0006: no script, scales with
/// its viewBox, prints). Pure. A null value is a suppressed point: the line stops there and starts again at the next shown
/// point, so a gap is never bridged by a line that would suggest a value. In a right-to-left language the chart is
/// mirrored, as the tables are: the first cycle on the right, the value axis on the right.
/// </summary>
public static class TrendChart
{
    public const double Width = 640;
    public const double Height = 260;
    /// <summary>The margin on the value axis' side (its labels) and on the other side.</summary>
    private const double AxisSide = 48;
    private const double OtherSide = 16;
    private const double Top = 16;
    private const double Bottom = 40;

    public static TrendChartDrawing Layout(IReadOnlyList<string> cycles, IReadOnlyList<(string Name, IReadOnlyList<double?> Values)> lines, double min,
        double max, double step, bool rightToLeft = false)
    {
        if (max <= min || step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(max), "The axis needs max > min and a positive step.");
        }
        if (lines.Any(l => l.Values.Count != cycles.Count))
        {
            throw new ArgumentException("Every line needs one value per cycle.", nameof(lines));
        }
        var (left, right) = rightToLeft ? (OtherSide, AxisSide) : (AxisSide, OtherSide);
        double plotWidth = Width - left - right, plotHeight = Height - Top - Bottom;
        // Position along the time axis: 0 for the first cycle, 1 for the last; mirrored right to left.
        double At(int i) => cycles.Count == 1 ? 0.5 : (double)i / (cycles.Count - 1);
        double X(int i) => left + plotWidth * (rightToLeft ? 1 - At(i) : At(i));
        double Y(double v) => Top + plotHeight * (1 - (Math.Clamp(v, min, max) - min) / (max - min));
        var yTicks = new List<ChartTick>();
        for (var v = min; v <= max + 1e-9; v += step)
        {
            yTicks.Add(new ChartTick(Y(v), v.ToString("0", CultureInfo.CurrentCulture)));
        }
        var xTicks = cycles.Select((c, i) => new ChartTick(X(i), c)).ToList();
        var drawn = new List<ChartLine>();
        for (var l = 0; l < lines.Count; l++)
        {
            var (name, values) = lines[l];
            var segments = new List<string>();
            var run = new List<string>();
            var points = new List<ChartPoint>();
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } v)
                {
                    points.Add(new ChartPoint(X(i), Y(v), v));
                    run.Add($"{F(X(i))},{F(Y(v))}");
                }
                else if (run.Count > 0)
                {
                    segments.Add(string.Join(' ', run));
                    run.Clear();
                }
            }
            if (run.Count > 0)
            {
                segments.Add(string.Join(' ', run));
            }
            drawn.Add(new ChartLine(name, l, segments, points));
        }
        var gaps = Enumerable.Range(0, cycles.Count).Where(i => lines.Count > 0 && lines.All(l => l.Values[i] is null)).Select(X).ToList();
        return new TrendChartDrawing(Width, Height, left, Top, Width - right, Height - Bottom, xTicks, yTicks, drawn, gaps, rightToLeft);
    }

    /// <summary>SVG numbers are invariant whatever the reader's language.</summary>
    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
