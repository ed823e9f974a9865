namespace Inward.Features.Listening;

/// <summary>
/// The anonymity rule of SPEC.md as pure functions: an aggregate of anonymous answers over fewer than k respondents is
/// never shown, and what is shown never lets anyone subtract their way to such a group (complementary suppression).
/// Every results page, API field, export and chart asks here before it shows a number — counts included.
/// </summary>
public static class AnonymityGuard
{
    public const int MinimumThreshold = 3;
    public const int DefaultThreshold = 5;

    /// <summary>A threshold as configured, never below the floor of 3 (a stored value below it is read as 3).</summary>
    public static int Effective(int configured) => Math.Max(configured, MinimumThreshold);

    /// <summary>One group on its own.</summary>
    public static bool MayShow(int respondents, int k) => respondents >= Effective(k);

    /// <summary>A filtered group inside a parent that is shown: the group and the rest of the parent are each 0 or ≥ k.</summary>
    public static bool MayShowWithin(int group, int parent, int k)
    {
        if (group < 0 || group > parent)
        {
            throw new ArgumentOutOfRangeException(nameof(group), $"A group of {group} cannot lie inside one of {parent}.");
        }
        var rest = parent - group;
        return MayShow(group, k) && MayShow(parent, k) && (rest == 0 || MayShow(rest, k));
    }

    /// <summary>
    /// Which parts of a parent may be shown side by side (departments of the company, locations of a department).
    /// Parts below k are hidden; then, while the hidden parts together hold more than 0 and fewer than k respondents, the
    /// smallest shown part is hidden too, so "parent minus the parts you see" never isolates a small group.
    /// <paramref name="unshownRest"/> counts respondents of the parent that are in no part shown (e.g. a department's
    /// direct members when only its sub-departments are cells): they are part of what subtraction would reveal.
    /// </summary>
    public static bool[] Partition(IReadOnlyList<int> counts, int k, int unshownRest = 0)
    {
        if (counts.Any(c => c < 0) || unshownRest < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counts), "Counts cannot be negative.");
        }
        var shown = counts.Select(c => MayShow(c, k)).ToArray();
        if (!MayShow(counts.Sum() + unshownRest, k))
        {
            return new bool[counts.Count];
        }
        HideComplements(counts, shown, unshownRest, k);
        return shown;
    }

    /// <summary>
    /// A two-way table (e.g. department × location) with its margins. Row and column totals are parts of the grand total;
    /// each cell is a part of its row and of its column. Two passes repeat until nothing changes: along every shown line the
    /// hidden cells together hold 0 or ≥ k; and no hidden cell of fewer than k can be solved from the shown totals and
    /// cells (an exact check: its unit vector must not lie in the row space of the known sums). A hidden total hides its line.
    /// Scores are sums over the same cells, so what holds for counts holds for every aggregate shown beside them.
    /// </summary>
    public static TableVisibility Table(int[,] counts, int k)
    {
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        var rowTotals = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, cols).Sum(c => counts[r, c])).ToArray();
        var colTotals = Enumerable.Range(0, cols).Select(c => Enumerable.Range(0, rows).Sum(r => counts[r, c])).ToArray();
        var rowShown = Partition(rowTotals, k);
        var colShown = Partition(colTotals, k);
        var cell = new bool[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                cell[r, c] = rowShown[r] && colShown[c] && MayShow(counts[r, c], k);
            }
        }
        bool changed;
        do
        {
            changed = false;
            for (var r = 0; r < rows; r++)
            {
                changed |= SuppressLine(cols, c => counts[r, c], c => cell[r, c], c => cell[r, c] = false, rowShown[r], k);
            }
            for (var c = 0; c < cols; c++)
            {
                changed |= SuppressLine(rows, r => counts[r, c], r => cell[r, c], r => cell[r, c] = false, colShown[c], k);
            }
            if (!changed && SolvableSmallCell(counts, cell, rowShown, colShown, k) is var (sr, sc))
            {
                // Nothing left to hide means every cell is hidden already; the grand total is then shown only when ≥ k.
                changed = HideSmallestShownNear(counts, cell, sr, sc);
            }
        }
        while (changed);
        return new TableVisibility(MayShow(rowTotals.Sum(), k), rowShown, colShown, cell);
    }

    /// <summary>
    /// A hidden cell with 1..k−1 respondents that the shown totals determine, or null. The unknowns are the hidden cells,
    /// the equations the shown row, column and grand totals; in reduced row echelon form a cell is determined exactly
    /// when it is a pivot whose row has no other non-zero entry.
    /// </summary>
    private static (int Row, int Col)? SolvableSmallCell(int[,] counts, bool[,] cell, bool[] rowShown, bool[] colShown, int k)
    {
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        var unknowns = new List<(int R, int C)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (!cell[r, c])
                {
                    unknowns.Add((r, c));
                }
            }
        }
        if (unknowns.Count == 0)
        {
            return null;
        }
        var equations = new List<double[]>();
        double[] Equation(Func<int, int, bool> inLine) =>
            unknowns.Select(u => inLine(u.R, u.C) ? 1.0 : 0.0).ToArray();
        if (MayShow(counts.Cast<int>().Sum(), k))
        {
            equations.Add(Equation((_, _) => true));
        }
        for (var r = 0; r < rows; r++)
        {
            if (rowShown[r])
            {
                var row = r;
                equations.Add(Equation((ur, _) => ur == row));
            }
        }
        for (var c = 0; c < cols; c++)
        {
            if (colShown[c])
            {
                var col = c;
                equations.Add(Equation((_, uc) => uc == col));
            }
        }
        foreach (var (pivot, row) in ReducedRows(equations, unknowns.Count))
        {
            var (r, c) = unknowns[pivot];
            var alone = row.Select((v, i) => i == pivot || Math.Abs(v) < 1e-9).All(x => x);
            if (alone && counts[r, c] > 0 && !MayShow(counts[r, c], k))
            {
                return (r, c);
            }
        }
        return null;
    }

    /// <summary>Reduced row echelon form with unit pivots, as (pivot column, row) in column order.</summary>
    private static List<(int Pivot, double[] Row)> ReducedRows(List<double[]> m, int width)
    {
        var pivots = new List<(int Pivot, double[] Row)>();
        var lead = 0;
        for (var col = 0; col < width && lead < m.Count; col++)
        {
            var pick = -1;
            for (var i = lead; i < m.Count; i++)
            {
                if (Math.Abs(m[i][col]) > 1e-9)
                {
                    pick = i;
                    break;
                }
            }
            if (pick < 0)
            {
                continue;
            }
            (m[lead], m[pick]) = (m[pick], m[lead]);
            var p = m[lead][col];
            for (var j = 0; j < width; j++)
            {
                m[lead][j] /= p;
            }
            for (var i = 0; i < m.Count; i++)
            {
                if (i != lead && Math.Abs(m[i][col]) > 1e-9)
                {
                    var f = m[i][col];
                    for (var j = 0; j < width; j++)
                    {
                        m[i][j] -= f * m[lead][j];
                    }
                }
            }
            pivots.Add((col, m[lead]));
            lead++;
        }
        return pivots;
    }

    /// <summary>Hides the smallest shown cell of the row, else of the column, else of the table.</summary>
    private static bool HideSmallestShownNear(int[,] counts, bool[,] cell, int row, int col)
    {
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        IEnumerable<(int R, int C)> All() =>
            Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, cols).Select(c => (r, c)));
        var candidates = new[]
        {
            All().Where(x => x.R == row && cell[x.R, x.C]),
            All().Where(x => x.C == col && cell[x.R, x.C]),
            All().Where(x => cell[x.R, x.C]),
        };
        foreach (var set in candidates)
        {
            var list = set.ToList();
            if (list.Count > 0)
            {
                var (r, c) = list.MinBy(x => counts[x.R, x.C]);
                cell[r, c] = false;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A department tree: a node is shown only if it passes on its own and among its siblings (its parent's direct members
    /// count as an unshown part); a hidden node hides its whole subtree, since its children would add up to it.
    /// </summary>
    public static IReadOnlySet<TKey> Tree<TKey>(TKey root, Func<TKey, IReadOnlyList<TKey>> children,
        Func<TKey, int> subtreeCount, Func<TKey, int> directCount, int k) where TKey : notnull
    {
        var shown = new HashSet<TKey>();
        if (!MayShow(subtreeCount(root), k))
        {
            return shown;
        }
        shown.Add(root);
        var pending = new Stack<TKey>([root]);
        while (pending.TryPop(out var node))
        {
            var kids = children(node);
            var visible = Partition(kids.Select(subtreeCount).ToList(), k, directCount(node));
            for (var i = 0; i < kids.Count; i++)
            {
                if (visible[i])
                {
                    shown.Add(kids[i]);
                    pending.Push(kids[i]);
                }
            }
        }
        return shown;
    }

    private static bool SuppressLine(int length, Func<int, int> count, Func<int, bool> isShown, Action<int> hide, bool totalShown, int k)
    {
        var changed = false;
        if (!totalShown)
        {
            for (var i = 0; i < length; i++)
            {
                if (isShown(i))
                {
                    hide(i);
                    changed = true;
                }
            }
            return changed;
        }
        var counts = Enumerable.Range(0, length).Select(count).ToArray();
        var shown = Enumerable.Range(0, length).Select(isShown).ToArray();
        HideComplements(counts, shown, 0, k);
        for (var i = 0; i < length; i++)
        {
            if (!shown[i] && isShown(i))
            {
                hide(i);
                changed = true;
            }
        }
        return changed;
    }

    private static void HideComplements(IReadOnlyList<int> counts, bool[] shown, int unshownRest, int k)
    {
        var hidden = unshownRest + counts.Where((_, i) => !shown[i]).Sum();
        while (hidden > 0 && !MayShow(hidden, k))
        {
            var smallest = -1;
            for (var i = 0; i < counts.Count; i++)
            {
                if (shown[i] && (smallest < 0 || counts[i] < counts[smallest]))
                {
                    smallest = i;
                }
            }
            if (smallest < 0)
            {
                return;
            }
            shown[smallest] = false;
            hidden += counts[smallest];
        }
    }
}

/// <summary>Which totals and cells of a two-way table may be shown.</summary>
public sealed record TableVisibility(bool Total, bool[] Rows, bool[] Columns, bool[,] Cells);
