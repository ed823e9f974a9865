using System.Globalization;

namespace Inward.Features.InternalCustomers;

/// <summary>A department on the drawn map: centre, box size and the (at most two) lines of its name.</summary>
public sealed record MapNode(int Id, string Name, IReadOnlyList<string> Lines, double X, double Y, double Width, double Height);

/// <summary>
/// A drawn edge: the SVG path from the serving box to the served box, where its number label sits, and whether the
/// opposite edge exists too (then both are drawn as curves bending to opposite sides, so neither hides the other).
/// </summary>
public sealed record MapEdge(int Id, int Number, int FromId, int ToId, string Path, double LabelX, double LabelY, bool TwoWay);

public sealed record MapDrawing(double Width, double Height, IReadOnlyList<MapNode> Nodes, IReadOnlyList<MapEdge> Edges);

/// <summary>
/// Lays the internal-customer map out without any randomness: departments on a circle in the order given (starting at
/// the top, clockwise), the circle just large enough for neighbouring boxes not to touch; edges are straight arrows,
/// or two opposite curves when both directions exist. The same input always gives the same drawing.
/// </summary>
public static class ServiceMapLayout
{
    public const int MaxLineLength = 16;
    public const double CharWidth = 7.5;
    public const double LineHeight = 17;
    public const double MinBoxWidth = 70;
    public const double MaxBoxWidth = MaxLineLength * CharWidth + 20;
    public const double Gap = 30;
    public const double MinRadius = 140;
    public const double Margin = 12;
    /// <summary>How far a two-way curve bends away from the straight line.</summary>
    public const double Bend = 36;
    public const double LabelRadius = 11;

    public static MapDrawing Layout(IReadOnlyList<(int Id, string Name)> departments, IReadOnlyList<(int Id, int FromId, int ToId)> edges)
    {
        var known = departments.Select(d => d.Id).ToHashSet();
        var boxes = departments.Select(d =>
        {
            var lines = Lines(d.Name);
            var width = Math.Clamp(lines.Max(l => l.Length) * CharWidth + 20, MinBoxWidth, MaxBoxWidth);
            return (d.Id, d.Name, Lines: lines, Width: width, Height: lines.Count * LineHeight + 14);
        }).ToList();
        if (boxes.Count == 0)
        {
            return new MapDrawing(MaxBoxWidth * 2, 120, [], []);
        }
        var n = boxes.Count;
        var radius = n == 1 ? 0 : Math.Max(MinRadius, (MaxBoxWidth + Gap) / 2 / Math.Sin(Math.PI / n));
        // Room for the curves of two-way links between neighbours, which bulge outwards, and their labels.
        var halfWidth = boxes.Max(b => b.Width) / 2 + Margin + Bend + LabelRadius;
        var halfHeight = boxes.Max(b => b.Height) / 2 + Margin + Bend + LabelRadius;
        var (cx, cy) = (radius + halfWidth, radius + halfHeight);
        var nodes = boxes.Select((b, i) =>
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            return new MapNode(b.Id, b.Name, b.Lines, Round(cx + radius * Math.Cos(angle)), Round(cy + radius * Math.Sin(angle)), b.Width, b.Height);
        }).ToList();
        var byId = nodes.ToDictionary(x => x.Id);
        var pairs = edges.Select(e => (e.FromId, e.ToId)).ToHashSet();

        var drawn = new List<MapEdge>();
        var number = 0;
        foreach (var e in edges)
        {
            number++;
            if (e.FromId == e.ToId || !known.Contains(e.FromId) || !known.Contains(e.ToId))
            {
                continue;
            }
            var (a, b) = (byId[e.FromId], byId[e.ToId]);
            var twoWay = pairs.Contains((e.ToId, e.FromId));
            drawn.Add(twoWay ? Curve(e.Id, number, a, b) : Straight(e.Id, number, a, b));
        }
        return new MapDrawing(Round(2 * cx), Round(2 * cy), nodes, drawn);
    }

    /// <summary>
    /// The order of the departments around the circle: "hubs" that serve or are served by most others (IT and HR in
    /// a typical company) are spread evenly round the ring, so their many arrows fan out instead of bundling in one
    /// corner; the other departments keep the given order in the remaining places.
    /// </summary>
    public static List<T> Order<T>(IReadOnlyList<T> departments, Func<T, int> id, IReadOnlyList<(int Id, int FromId, int ToId)> edges)
    {
        var n = departments.Count;
        var degree = departments.ToDictionary(id, d => edges.Where(e => e.FromId != e.ToId && (e.FromId == id(d) || e.ToId == id(d)))
            .Select(e => e.FromId == id(d) ? e.ToId : e.FromId).Distinct().Count());
        var threshold = Math.Max(3, (int)Math.Ceiling(0.6 * (n - 1)));
        var hubs = departments.Where(d => degree[id(d)] >= threshold).ToList();
        if (hubs.Count is 0 || hubs.Count == n)
        {
            return [.. departments];
        }
        var slots = new T?[n];
        var taken = new bool[n];
        for (var i = 0; i < hubs.Count; i++)
        {
            // Evenly spaced, starting a quarter turn from the top so the first hub sits at a side, not the crown.
            var slot = (int)Math.Round((n / 4.0 + (double)i * n / hubs.Count) % n) % n;
            while (taken[slot])
            {
                slot = (slot + 1) % n;
            }
            slots[slot] = hubs[i];
            taken[slot] = true;
        }
        using var rest = departments.Where(d => !hubs.Contains(d)).GetEnumerator();
        for (var i = 0; i < n; i++)
        {
            if (!taken[i] && rest.MoveNext())
            {
                slots[i] = rest.Current;
            }
        }
        return [.. slots.Select(d => d!)];
    }

    /// <summary>A name in at most two lines of <see cref="MaxLineLength"/> characters, broken at spaces, cut with "…".</summary>
    public static IReadOnlyList<string> Lines(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var lines = new List<string>();
        var current = "";
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (candidate.Length <= MaxLineLength || current.Length == 0)
            {
                current = candidate;
                continue;
            }
            lines.Add(current);
            current = word;
        }
        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current);
        }
        if (lines.Count > 2)
        {
            lines = [lines[0], string.Join(' ', lines.Skip(1))];
        }
        return [.. lines.Select(l => l.Length > MaxLineLength ? l[..(MaxLineLength - 1)].TrimEnd() + "…" : l)];
    }

    private static MapEdge Straight(int id, int number, MapNode a, MapNode b)
    {
        var start = Exit(a, b.X, b.Y);
        var end = Exit(b, a.X, a.Y);
        return new MapEdge(id, number, a.Id, b.Id, $"M{F(start.X)},{F(start.Y)} L{F(end.X)},{F(end.Y)}",
            Round((start.X + end.X) / 2), Round((start.Y + end.Y) / 2), false);
    }

    private static MapEdge Curve(int id, int number, MapNode a, MapNode b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = Math.Max(1, Math.Sqrt(dx * dx + dy * dy));
        // Bend to the right of the direction of travel: the opposite edge travels the other way, so it bends to the other side.
        var (cx, cy) = ((a.X + b.X) / 2 - dy / length * Bend * 2, (a.Y + b.Y) / 2 + dx / length * Bend * 2);
        var start = Exit(a, cx, cy);
        var end = Exit(b, cx, cy);
        // The point of a quadratic curve at t = 1/2.
        var (lx, ly) = (0.25 * start.X + 0.5 * cx + 0.25 * end.X, 0.25 * start.Y + 0.5 * cy + 0.25 * end.Y);
        return new MapEdge(id, number, a.Id, b.Id, $"M{F(start.X)},{F(start.Y)} Q{F(cx)},{F(cy)} {F(end.X)},{F(end.Y)}",
            Round(lx), Round(ly), true);
    }

    /// <summary>Where the line from the centre of the box towards (tx, ty) leaves the box (plus a little air).</summary>
    public static (double X, double Y) Exit(MapNode box, double tx, double ty)
    {
        var (dx, dy) = (tx - box.X, ty - box.Y);
        if (dx == 0 && dy == 0)
        {
            return (box.X, box.Y);
        }
        var (hw, hh) = (box.Width / 2 + 4, box.Height / 2 + 4);
        var scale = Math.Min(dx == 0 ? double.MaxValue : hw / Math.Abs(dx), dy == 0 ? double.MaxValue : hh / Math.Abs(dy));
        return (Round(box.X + dx * scale), Round(box.Y + dy * scale));
    }

    private static double Round(double v) => Math.Round(v, 1);

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
