using Inward.Features.Listening;

namespace Inward.Tests.Listening;

/// <summary>
/// The attacker for large companies, independent of <see cref="FilterGuard"/>'s own check: the same question as
/// <see cref="FilterGuardTests"/>' dense one (is a group of 1..k−1 a combination of published figures?) in the attacker's
/// own unknowns — every node's own members × location × band, empty ones known — by sparse exact integer elimination
/// (an overflow fails the test rather than guessing). Targets: every node's cells and atoms.
/// </summary>
internal static class SparseAttacker
{
    /// <summary>The groups of 1..k−1 that can be computed from the shown totals (<see cref="FilterGuard.Input.Shown"/>) and cells.</summary>
    public static List<string> Solvable(FilterGuard.Input input, FilterGuard.Visibility v, int k)
    {
        var (parent, shown, direct) = (input.Parent, input.Shown, input.Direct);
        int nodes = parent.Length, locations = direct.GetLength(1), bands = direct.GetLength(2);
        // Columns: non-empty atoms, deepest nodes first (short rows get their pivots before the long ones).
        var column = new int[nodes, locations, bands];
        var width = 0;
        for (var n = nodes - 1; n >= 0; n--)
        {
            for (var l = 0; l < locations; l++)
            {
                for (var b = 0; b < bands; b++)
                {
                    column[n, l, b] = direct[n, l, b] > 0 ? width++ : -1;
                }
            }
        }
        var subtree = Enumerable.Range(0, nodes).Select(n => new List<int> { n }).ToArray();
        for (var n = nodes - 1; n > 0; n--)
        {
            subtree[parent[n]].AddRange(subtree[n]);
        }
        (int[] Columns, long Count) Sum(int n, int l, int b)
        {
            var columns = new List<int>();
            long count = 0;
            foreach (var m in subtree[n])
            {
                for (var x = 0; x < locations; x++)
                {
                    for (var y = 0; y < bands; y++)
                    {
                        if ((l < 0 || x == l) && (b < 0 || y == b) && column[m, x, y] >= 0)
                        {
                            columns.Add(column[m, x, y]);
                            count += direct[m, x, y];
                        }
                    }
                }
            }
            columns.Sort();
            return ([.. columns], count);
        }
        var basis = new Dictionary<int, (int[] C, long[] V)>();
        (int[] C, long[] V) Reduce(int[] c, long[] values)
        {
            while (c.Length > 0 && basis.TryGetValue(c[0], out var p))
            {
                var (a, q) = (p.V[0], values[0]);
                var merged = new SortedDictionary<int, long>();
                for (var i = 0; i < c.Length; i++)
                {
                    merged[c[i]] = checked(values[i] * a);
                }
                for (var i = 0; i < p.C.Length; i++)
                {
                    merged[p.C[i]] = checked(merged.GetValueOrDefault(p.C[i]) - p.V[i] * q);
                }
                var kept = merged.Where(e => e.Value != 0).ToList();
                var g = kept.Aggregate(0L, (acc, e) => (long)System.Numerics.BigInteger.GreatestCommonDivisor(acc, e.Value));
                (c, values) = ([.. kept.Select(e => e.Key)], [.. kept.Select(e => e.Value / Math.Max(g, 1))]);
            }
            return (c, values);
        }
        void Publish(int n, int l, int b)
        {
            var (c, _) = Sum(n, l, b);
            var row = Reduce(c, [.. c.Select(_ => 1L)]);
            if (row.C.Length > 0)
            {
                basis[row.C[0]] = row;
            }
        }
        for (var n = nodes - 1; n >= 0; n--)
        {
            for (var l = 0; l < locations; l++)
            {
                for (var b = 0; b < bands; b++)
                {
                    if (v.Both[n, l, b])
                    {
                        Publish(n, l, b);
                    }
                }
                if (v.Location[n, l])
                {
                    Publish(n, l, -1);
                }
            }
            for (var b = 0; b < bands; b++)
            {
                if (v.Band[n, b])
                {
                    Publish(n, -1, b);
                }
            }
            if (shown[n])
            {
                Publish(n, -1, -1);
            }
        }
        var found = new List<string>();
        void Check(string name, int[] c, long count)
        {
            if (count > 0 && count < k && Reduce(c, [.. c.Select(_ => 1L)]).C.Length == 0)
            {
                found.Add($"{name} ({count} respondents)");
            }
        }
        for (var n = 0; n < nodes; n++)
        {
            for (var l = 0; l < locations; l++)
            {
                var (c, count) = Sum(n, l, -1);
                Check($"node {n} location {l}", c, count);
                for (var b = 0; b < bands; b++)
                {
                    (c, count) = Sum(n, l, b);
                    Check($"node {n} location {l} band {b}", c, count);
                    if (column[n, l, b] >= 0)
                    {
                        Check($"atom {n} {l} {b}", [column[n, l, b]], direct[n, l, b]);
                    }
                }
            }
            for (var b = 0; b < bands; b++)
            {
                var (c, count) = Sum(n, -1, b);
                Check($"node {n} band {b}", c, count);
            }
        }
        return found;
    }
}
