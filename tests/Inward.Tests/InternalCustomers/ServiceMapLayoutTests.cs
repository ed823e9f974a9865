using Inward.Features.InternalCustomers;

namespace Inward.Tests.InternalCustomers;

public sealed class ServiceMapLayoutTests
{
    private static List<(int Id, string Name)> Departments(int n) => [.. Enumerable.Range(1, n).Select(i => (i, $"Department number {i}"))];

    [Fact]
    public void The_same_input_always_gives_the_same_drawing()
    {
        var departments = Departments(7);
        (int, int, int)[] edges = [(1, 1, 2), (2, 2, 1), (3, 3, 4), (4, 7, 1)];

        var a = ServiceMapLayout.Layout(departments, edges);
        var b = ServiceMapLayout.Layout(departments, edges);

        Assert.Equivalent(a, b, strict: true);
        Assert.Equal(a.Edges, b.Edges);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(30)]
    public void Every_box_lies_inside_the_view_and_no_two_boxes_overlap(int n)
    {
        var drawing = ServiceMapLayout.Layout(Departments(n), []);

        Assert.Equal(n, drawing.Nodes.Count);
        foreach (var node in drawing.Nodes)
        {
            Assert.InRange(node.X - node.Width / 2, 0, drawing.Width);
            Assert.InRange(node.X + node.Width / 2, 0, drawing.Width);
            Assert.InRange(node.Y - node.Height / 2, 0, drawing.Height);
            Assert.InRange(node.Y + node.Height / 2, 0, drawing.Height);
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var (p, q) = (drawing.Nodes[i], drawing.Nodes[j]);
                var apart = Math.Abs(p.X - q.X) >= (p.Width + q.Width) / 2 || Math.Abs(p.Y - q.Y) >= (p.Height + q.Height) / 2;
                Assert.True(apart, $"{p.Name} and {q.Name} overlap");
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Labels_of_curves_between_neighbours_stay_inside_the_view(int n)
    {
        List<(int, int, int)> edges = [.. Enumerable.Range(1, n).SelectMany(i => new[] { (i * 2, i, i % n + 1), (i * 2 + 1, i % n + 1, i) })];

        var drawing = ServiceMapLayout.Layout(Departments(n), edges);

        Assert.All(drawing.Edges, e =>
        {
            Assert.InRange(e.LabelX - ServiceMapLayout.LabelRadius, 0, drawing.Width);
            Assert.InRange(e.LabelX + ServiceMapLayout.LabelRadius, 0, drawing.Width);
            Assert.InRange(e.LabelY - ServiceMapLayout.LabelRadius, 0, drawing.Height);
            Assert.InRange(e.LabelY + ServiceMapLayout.LabelRadius, 0, drawing.Height);
        });
    }

    [Fact]
    public void Departments_linked_to_most_others_are_spread_round_the_ring_and_the_rest_keep_their_order()
    {
        var departments = Enumerable.Range(1, 8).ToList();
        // 7 and 8 serve everyone; 1 → 2 is an ordinary link.
        List<(int, int, int)> edges = [(100, 1, 2), .. departments.Where(d => d != 7).Select(d => (d, 7, d)), .. departments.Where(d => d != 8).Select(d => (d + 10, 8, d))];

        var order = ServiceMapLayout.Order(departments, d => d, edges);

        Assert.Equal(8, order.Count);
        Assert.Equal(departments.Order(), order.Order());
        var (a, b) = (order.IndexOf(7), order.IndexOf(8));
        Assert.Equal(4, Math.Abs(a - b));
        Assert.Equal([1, 2, 3, 4, 5, 6], order.Where(d => d < 7));
        Assert.Equal(departments, ServiceMapLayout.Order(departments, d => d, [(1, 1, 2)]));
    }

    [Fact]
    public void The_first_department_sits_at_the_top_and_the_rest_follow_clockwise()
    {
        var drawing = ServiceMapLayout.Layout(Departments(4), []);

        var (top, right, bottom, left) = (drawing.Nodes[0], drawing.Nodes[1], drawing.Nodes[2], drawing.Nodes[3]);
        Assert.True(top.Y < right.Y && top.Y < left.Y && bottom.Y > right.Y);
        Assert.True(right.X > top.X && left.X < top.X);
        Assert.Equal(top.X, bottom.X, 1);
    }

    [Fact]
    public void A_one_way_edge_is_a_straight_arrow_and_a_two_way_pair_are_curves_bending_apart()
    {
        var drawing = ServiceMapLayout.Layout(Departments(3), [(10, 1, 2), (11, 2, 1), (12, 2, 3)]);

        var (there, back, oneWay) = (drawing.Edges[0], drawing.Edges[1], drawing.Edges[2]);
        Assert.True(there.TwoWay && back.TwoWay);
        Assert.False(oneWay.TwoWay);
        Assert.Contains(" L", oneWay.Path, StringComparison.Ordinal);
        Assert.Contains(" Q", there.Path, StringComparison.Ordinal);
        Assert.Contains(" Q", back.Path, StringComparison.Ordinal);
        // The labels of the two curves do not sit on top of each other.
        var distance = Math.Sqrt(Math.Pow(there.LabelX - back.LabelX, 2) + Math.Pow(there.LabelY - back.LabelY, 2));
        Assert.True(distance > 30, $"labels only {distance} apart");
        Assert.Equal([1, 2, 3], drawing.Edges.Select(e => e.Number));
    }

    [Fact]
    public void An_arrow_starts_and_ends_outside_the_boxes_it_joins()
    {
        var drawing = ServiceMapLayout.Layout(Departments(2), [(1, 1, 2)]);
        var (a, b) = (drawing.Nodes[0], drawing.Nodes[1]);
        var numbers = drawing.Edges[0].Path.Replace("M", "", StringComparison.Ordinal).Replace("L", "", StringComparison.Ordinal)
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.False(Inside(a, numbers[0], numbers[1]));
        Assert.False(Inside(b, numbers[2], numbers[3]));
        Assert.True(numbers[1] < numbers[3]);

        static bool Inside(MapNode n, double x, double y) => Math.Abs(x - n.X) < n.Width / 2 && Math.Abs(y - n.Y) < n.Height / 2;
    }

    [Fact]
    public void Self_edges_and_edges_to_departments_not_drawn_are_left_out_but_keep_their_numbers()
    {
        var drawing = ServiceMapLayout.Layout(Departments(2), [(1, 1, 1), (2, 1, 99), (3, 1, 2)]);

        var edge = Assert.Single(drawing.Edges);
        Assert.Equal(3, edge.Id);
        Assert.Equal(3, edge.Number);
    }

    [Fact]
    public void No_departments_give_an_empty_drawing()
    {
        var drawing = ServiceMapLayout.Layout([], []);

        Assert.Empty(drawing.Nodes);
        Assert.True(drawing.Width > 0 && drawing.Height > 0);
    }

    [Theory]
    [InlineData("IT", new[] { "IT" })]
    [InlineData("Customer Service", new[] { "Customer Service" })]
    [InlineData("Sales & Marketing", new[] { "Sales &", "Marketing" })]
    [InlineData("Research and product development", new[] { "Research and", "product develop…" })]
    [InlineData("Supercalifragilisticexpialidocious", new[] { "Supercalifragil…" })]
    [InlineData("", new[] { "" })]
    public void Names_wrap_into_at_most_two_short_lines(string name, string[] lines)
    {
        var result = ServiceMapLayout.Lines(name);

        Assert.Equal(lines, result);
        Assert.All(result, l => Assert.True(l.Length <= ServiceMapLayout.MaxLineLength));
    }
}
