using Inward.Features.Listening.Pulses;

namespace Inward.Tests.Listening.Pulses;

public sealed class TrendChartTests
{
    [Fact]
    public void A_hidden_point_breaks_the_line_instead_of_bridging_it()
    {
        var d = TrendChart.Layout(["1", "2", "3", "4"], [("eNPS", [10, null, 30, 40])], -100, 100, 50);

        var line = Assert.Single(d.Lines);
        Assert.Equal(2, line.Segments.Count);
        Assert.DoesNotContain(' ', line.Segments[0]);
        Assert.Equal(2, line.Segments[1].Split(' ').Length);
        Assert.Equal([10.0, 30, 40], line.Points.Select(p => p.Value));
        Assert.Equal([d.XTicks[1].Position], d.Gaps);
    }

    [Fact]
    public void Values_map_onto_the_axis_and_cycles_spread_across_the_plot()
    {
        var d = TrendChart.Layout(["a", "b", "c"], [("Favourable", [0, 50, 100])], 0, 100, 25);

        var p = d.Lines[0].Points;
        Assert.Equal(d.Bottom, p[0].Y, 6);
        Assert.Equal((d.Top + d.Bottom) / 2, p[1].Y, 6);
        Assert.Equal(d.Top, p[2].Y, 6);
        Assert.Equal(d.Left, p[0].X, 6);
        Assert.Equal(d.Right, p[2].X, 6);
        Assert.Equal(["0", "25", "50", "75", "100"], d.YTicks.Select(t => t.Label));
        Assert.Empty(d.Gaps);
    }

    [Fact]
    public void A_cycle_is_a_gap_only_when_every_line_is_hidden_there_and_one_cycle_sits_in_the_middle()
    {
        var d = TrendChart.Layout(["1", "2"], [("A", [null, 5]), ("B", [null, null])], 0, 10, 5);
        Assert.Equal([d.XTicks[0].Position], d.Gaps);
        Assert.Empty(d.Lines[1].Segments);

        var single = TrendChart.Layout(["1"], [("A", [5])], 0, 10, 5);
        Assert.Equal((single.Left + single.Right) / 2, single.Lines[0].Points[0].X, 6);
    }

    [Fact]
    public void Bad_axes_and_ragged_lines_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendChart.Layout(["1"], [], 10, 10, 1));
        Assert.Throws<ArgumentException>(() => TrendChart.Layout(["1", "2"], [("A", [1])], 0, 10, 5));
    }

    [Fact]
    public void Right_to_left_the_first_cycle_sits_on_the_right_and_the_value_axis_stands_on_the_right()
    {
        var ltr = TrendChart.Layout(["1", "2", "3"], [("A", [10, null, 30])], 0, 100, 25);
        var rtl = TrendChart.Layout(["1", "2", "3"], [("A", [10, null, 30])], 0, 100, 25, rightToLeft: true);

        Assert.True(rtl.RightToLeft);
        Assert.True(rtl.XTicks[0].Position > rtl.XTicks[2].Position);
        Assert.True(rtl.Lines[0].Points[0].X > rtl.Lines[0].Points[1].X);
        Assert.Equal(rtl.Right, rtl.XTicks[0].Position, 6);
        Assert.Equal(rtl.Left, rtl.XTicks[2].Position, 6);
        // The margin for the value labels moves to the right: the mirror image of the left-to-right chart.
        Assert.Equal(ltr.Width - ltr.Left, rtl.Right, 6);
        Assert.Equal(ltr.Width - ltr.XTicks[0].Position, rtl.XTicks[0].Position, 6);
        Assert.Equal(ltr.Lines[0].Points.Select(p => p.Y), rtl.Lines[0].Points.Select(p => p.Y));
        Assert.Equal([rtl.XTicks[1].Position], rtl.Gaps);
    }
}
