namespace Inward.Features.Listening;

/// <summary>
/// <see cref="FilterGuard"/>'s exact check: whether any group of 1..k−1 respondents can be computed from everything
/// published, by any rational combination of the published sums.
/// <para>
/// Respondents fall into atoms no published figure splits: a unit (the company, or a department shown unfiltered, with
/// its hidden sub-departments) × location × band. Instead of the atoms the unknowns are the subtree cells S(u, l, b) of
/// each unit (an invertible change of variables: an atom is its unit's S minus its child units' S). In these unknowns
/// every published figure touches one unit only — a department's total is the sum of its own S row, a filtered cell a
/// line of it, a pair a single S — so the rows are short and sparse. Units are tied together only by atoms the attacker
/// may know to be empty (an empty atom makes S(u) equal to the sum of its child units' S; empty atoms are treated as
/// known, which can only hide more). Only non-empty S are unknowns.
/// </para>
/// <para>
/// The sums that never change (department totals, empty atoms) are reduced once; each round copies them and adds the
/// filtered cells shown so far, so a round costs one sparse elimination over about as many unknowns as non-empty cells.
/// Every target found solvable hides one published cell its computation uses (the smallest), all in one round; hiding
/// never makes a target solvable, so rounds end when none is left.
/// </para>
/// The targets: every atom, every cell of a unit, and every cell of a hidden sub-department that published sums could
/// express (its part of each atom it touches is the whole atom or nothing), with 1..k−1 respondents — except those the
/// unfiltered totals alone already give (the filters cannot take back what is shown without them; for respondents the
/// department tree's rule leaves none).
/// </summary>
internal sealed class FilterAlgebra
{
    private enum Kind
    {
        Location,
        Band,
        Both,
    }

    private sealed record Cell(Kind Kind, int Node, int Location, int Band, int Count, int[] Columns);

    private sealed record Target(int[] Columns, long[] Values);

    private readonly SparseSpan fixedSums;
    private readonly List<Cell> cells = [];
    private readonly List<Target> targets = [];
    private readonly int width;

    public FilterAlgebra(CountTable t, bool[] shown, int k)
    {
        int nodes = t.Nodes, locations = t.Locations, bands = t.Bands;
        bool IsUnit(int n) => n == 0 || shown[n];
        var unitOf = new int[nodes];
        for (var n = 0; n < nodes; n++)
        {
            unitOf[n] = IsUnit(n) ? n : unitOf[t.Parent[n]];
        }
        // Child units of each unit, and the child units inside each hidden node's subtree (they are units of their own).
        var childUnits = Enumerable.Range(0, nodes).Select(_ => new List<int>()).ToArray();
        var unitsBelow = Enumerable.Range(0, nodes).Select(_ => new List<int>()).ToArray();
        for (var c = 1; c < nodes; c++)
        {
            if (!IsUnit(c))
            {
                continue;
            }
            childUnits[unitOf[t.Parent[c]]].Add(c);
            for (var h = t.Parent[c]; !IsUnit(h); h = t.Parent[h])
            {
                unitsBelow[h].Add(c);
            }
        }

        // Unknowns: the non-empty S(u, l, b) of every unit, numbered unit by unit in pre-order.
        var column = new int[nodes, locations, bands];
        for (var n = 0; n < nodes; n++)
        {
            for (var l = 0; l < locations; l++)
            {
                for (var b = 0; b < bands; b++)
                {
                    column[n, l, b] = IsUnit(n) && t.Sub[n, l, b] > 0 ? width++ : -1;
                }
            }
        }
        int Atom(int u, int l, int b) => t.Sub[u, l, b] - childUnits[u].Sum(c => t.Sub[c, l, b]);
        void AddAtom(Dictionary<int, long> v, int u, int l, int b)
        {
            Add(v, column[u, l, b], 1);
            foreach (var c in childUnits[u])
            {
                Add(v, column[c, l, b], -1);
            }
        }

        var fixedRows = new List<Target>();
        var candidates = new List<Target>();
        void Small(int count, Dictionary<int, long> v)
        {
            if (count > 0 && !AnonymityGuard.MayShow(count, k))
            {
                candidates.Add(Sparse(v));
            }
        }
        for (var u = 0; u < nodes; u++)
        {
            if (!IsUnit(u))
            {
                continue;
            }
            if (shown[u])
            {
                var total = new Dictionary<int, long>();
                for (var l = 0; l < locations; l++)
                {
                    for (var b = 0; b < bands; b++)
                    {
                        Add(total, column[u, l, b], 1);
                    }
                }
                fixedRows.Add(Sparse(total));
            }
            for (var l = 0; l < locations; l++)
            {
                for (var b = 0; b < bands; b++)
                {
                    if (t.Sub[u, l, b] == 0)
                    {
                        continue;
                    }
                    var atom = new Dictionary<int, long>();
                    AddAtom(atom, u, l, b);
                    var count = Atom(u, l, b);
                    if (count == 0)
                    {
                        fixedRows.Add(Sparse(atom));
                    }
                    Small(count, atom);
                }
            }
            for (var l = 0; l < locations; l++)
            {
                var loc = l;
                AddCell(Kind.Location, u, l, -1, t.SubLocation[u, l], [.. Enumerable.Range(0, bands).Select(b => column[u, loc, b]).Where(c => c >= 0)]);
                for (var b = 0; b < bands; b++)
                {
                    AddCell(Kind.Both, u, l, b, t.Sub[u, l, b], column[u, l, b] >= 0 ? [column[u, l, b]] : []);
                }
            }
            for (var b = 0; b < bands; b++)
            {
                var band = b;
                AddCell(Kind.Band, u, -1, b, t.SubBand[u, b], [.. Enumerable.Range(0, locations).Select(l => column[u, l, band]).Where(c => c >= 0)]);
            }
        }
        void AddCell(Kind kind, int node, int l, int b, int count, int[] columns)
        {
            if (shown[node] && count > 0)
            {
                // Only a shown department's cells can be published; the small ones never are, but stay targets.
                cells.Add(new(kind, node, l, b, count, columns));
            }
            Small(count, columns.ToDictionary(c => c, _ => 1L));
        }

        // A hidden sub-department h of unit u: its cell is expressible when, in each atom it touches, it holds the whole atom.
        for (var h = 1; h < nodes; h++)
        {
            if (IsUnit(h))
            {
                continue;
            }
            var u = unitOf[h];
            var part = new int[locations, bands];
            var whole = new bool[locations, bands];
            for (var l = 0; l < locations; l++)
            {
                for (var b = 0; b < bands; b++)
                {
                    part[l, b] = t.Sub[h, l, b] - unitsBelow[h].Sum(c => t.Sub[c, l, b]);
                    whole[l, b] = part[l, b] == 0 || part[l, b] == Atom(u, l, b);
                }
            }
            void Slot(Dictionary<int, long> v, int l, int b)
            {
                if (part[l, b] > 0)
                {
                    AddAtom(v, u, l, b);
                }
                foreach (var c in unitsBelow[h])
                {
                    Add(v, column[c, l, b], 1);
                }
            }
            for (var l = 0; l < locations; l++)
            {
                var line = new Dictionary<int, long>();
                var expressible = true;
                for (var b = 0; b < bands; b++)
                {
                    expressible &= whole[l, b];
                    Slot(line, l, b);
                    var pair = new Dictionary<int, long>();
                    Slot(pair, l, b);
                    if (whole[l, b])
                    {
                        Small(t.Sub[h, l, b], pair);
                    }
                }
                if (expressible)
                {
                    Small(t.SubLocation[h, l], line);
                }
            }
            for (var b = 0; b < bands; b++)
            {
                var line = new Dictionary<int, long>();
                var expressible = true;
                for (var l = 0; l < locations; l++)
                {
                    expressible &= whole[l, b];
                    Slot(line, l, b);
                }
                if (expressible)
                {
                    Small(t.SubBand[h, b], line);
                }
            }
        }

        fixedSums = new SparseSpan(width, cells.Count);
        foreach (var row in fixedRows)
        {
            fixedSums.Add(row.Columns, row.Values, -1);
        }
        targets.AddRange(candidates.Where(c => !fixedSums.Contains(c.Columns, c.Values, out _)));
    }

    /// <summary>
    /// One round: adds the shown cells to the fixed sums and hides, for every target now solvable, the smallest shown cell
    /// its computation uses (targets already covered by a cell hidden this round wait for the next). Returns whether it hid.
    /// </summary>
    public bool HideSolvable(FilterGuard.Visibility visibility)
    {
        bool IsShown(Cell c) => c.Kind switch
        {
            Kind.Location => visibility.Location[c.Node, c.Location],
            Kind.Band => visibility.Band[c.Node, c.Band],
            _ => visibility.Both[c.Node, c.Location, c.Band],
        };
        if (targets.Count == 0)
        {
            return false;
        }
        var span = fixedSums.Clone();
        for (var i = 0; i < cells.Count; i++)
        {
            if (IsShown(cells[i]))
            {
                span.Add(cells[i].Columns, [.. cells[i].Columns.Select(_ => 1L)], i);
            }
        }
        var chosen = new ulong[(cells.Count + 63) / 64];
        var hide = new List<Cell>();
        foreach (var target in targets)
        {
            if (!span.Contains(target.Columns, target.Values, out var used) || used.Where((w, i) => (w & chosen[i]) != 0).Any())
            {
                continue;
            }
            var pick = -1;
            for (var i = 0; i < cells.Count; i++)
            {
                if ((used[i / 64] & (1UL << (i % 64))) != 0 && (pick < 0 || cells[i].Count < cells[pick].Count))
                {
                    pick = i;
                }
            }
            if (pick < 0)
            {
                throw new InvalidOperationException("A target outside the fixed sums was computed without a published cell.");
            }
            chosen[pick / 64] |= 1UL << (pick % 64);
            hide.Add(cells[pick]);
        }
        foreach (var c in hide)
        {
            switch (c.Kind)
            {
                case Kind.Location:
                    visibility.Location[c.Node, c.Location] = false;
                    break;
                case Kind.Band:
                    visibility.Band[c.Node, c.Band] = false;
                    break;
                default:
                    visibility.Both[c.Node, c.Location, c.Band] = false;
                    break;
            }
        }
        return hide.Count > 0;
    }

    private static void Add(Dictionary<int, long> v, int column, long value)
    {
        if (column >= 0)
        {
            v[column] = v.GetValueOrDefault(column) + value;
        }
    }

    private static Target Sparse(Dictionary<int, long> v)
    {
        var entries = v.Where(e => e.Value != 0).OrderBy(e => e.Key).ToList();
        return new([.. entries.Select(e => e.Key)], [.. entries.Select(e => e.Value)]);
    }
}
