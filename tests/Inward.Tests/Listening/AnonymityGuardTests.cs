using Inward.Features.Listening;

namespace Inward.Tests.Listening;

/// <summary>The anonymity rule as pure functions: what may be shown, and what an attacker could subtract.</summary>
public sealed class AnonymityGuardTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(5, 5)]
    [InlineData(10, 10)]
    public void The_threshold_never_falls_below_three(int configured, int effective) =>
        Assert.Equal(effective, AnonymityGuard.Effective(configured));

    [Theory]
    [InlineData(4, 5, false)]
    [InlineData(5, 5, true)]
    [InlineData(2, 1, false)]
    [InlineData(3, 1, true)]
    public void A_group_is_shown_from_k_respondents(int n, int k, bool shown) =>
        Assert.Equal(shown, AnonymityGuard.MayShow(n, k));

    [Theory]
    [InlineData(10, 10, true)]
    [InlineData(10, 20, true)]
    [InlineData(10, 12, false)]
    [InlineData(4, 20, false)]
    [InlineData(10, 14, false)]
    [InlineData(10, 15, true)]
    public void A_filtered_group_needs_the_rest_of_its_parent_to_be_empty_or_at_least_k(int group, int parent, bool shown) =>
        Assert.Equal(shown, AnonymityGuard.MayShowWithin(group, parent, 5));

    [Fact]
    public void A_single_small_part_is_protected_by_hiding_the_next_smallest()
    {
        // company 100 = 50 + 47 + 3: showing 50 and 47 would give away the 3 by subtraction
        Assert.Equal([true, false, false], AnonymityGuard.Partition([50, 47, 3], 5));
        Assert.Equal([true, false, false], AnonymityGuard.Partition([10, 4, 6], 5));
    }

    [Fact]
    public void Small_parts_that_together_reach_k_protect_each_other()
    {
        Assert.Equal([true, false, false], AnonymityGuard.Partition([10, 2, 3], 5));
        Assert.Equal([false, false], AnonymityGuard.Partition([4, 4], 5));
        // an empty part reveals nothing: it may sit hidden beside shown ones
        Assert.Equal([true, true, false], AnonymityGuard.Partition([5, 10, 0], 5));
    }

    [Fact]
    public void A_parent_below_k_shows_no_part()
    {
        Assert.Equal([false, false], AnonymityGuard.Partition([2, 2], 5));
    }

    [Fact]
    public void Unshown_members_of_the_parent_count_as_a_hidden_part()
    {
        // a department of 22: its two sub-departments of 10 and its 2 direct members
        Assert.Equal(1, AnonymityGuard.Partition([10, 10], 5, unshownRest: 2).Count(v => v));
        Assert.Equal([false], AnonymityGuard.Partition([20], 5, unshownRest: 2));
        Assert.Equal([true, true], AnonymityGuard.Partition([10, 10], 5, unshownRest: 5));
    }

    [Fact]
    public void Lowering_k_below_three_in_settings_still_suppresses_at_three() =>
        Assert.Equal([false, false], AnonymityGuard.Partition([3, 2], 1));

    [Fact]
    public void A_cross_table_hides_enough_cells_that_no_small_cell_can_be_solved()
    {
        int[,] counts = { { 10, 2 }, { 10, 10 } };
        var v = AnonymityGuard.Table(counts, 5);
        Assert.All(v.Rows, Assert.True);
        Assert.All(v.Columns, Assert.True);
        Assert.False(v.Cells[0, 1]);
        AssertNoSmallCellSolvable(counts, v, 5);
    }

    [Fact]
    public void Random_cross_tables_never_leave_a_small_cell_solvable()
    {
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var rows = random.Next(1, 6);
            var cols = random.Next(1, 6);
            var counts = new int[rows, cols];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    counts[r, c] = random.Next(4) == 0 ? random.Next(0, 5) : random.Next(0, 30);
                }
            }
            var v = AnonymityGuard.Table(counts, 5);
            AssertNoSmallCellSolvable(counts, v, 5);
        }
    }

    [Fact]
    public void A_department_tree_hides_the_subtree_of_a_hidden_department()
    {
        // company (direct 0) → A 50, B 47 (B1 25, B2 22), C 3
        var children = new Dictionary<string, string[]>
        {
            ["company"] = ["A", "B", "C"], ["A"] = [], ["B"] = ["B1", "B2"], ["C"] = [], ["B1"] = [], ["B2"] = [],
        };
        var subtree = new Dictionary<string, int> { ["company"] = 100, ["A"] = 50, ["B"] = 47, ["C"] = 3, ["B1"] = 25, ["B2"] = 22 };
        var shown = AnonymityGuard.Tree("company", n => children[n], n => subtree[n], _ => 0, 5);
        Assert.Equal(["A", "company"], shown.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Direct_members_of_a_department_are_protected_from_subtracting_its_sub_departments()
    {
        // B 27 = 2 direct + B1 25: showing B and B1 gives away the 2
        var children = new Dictionary<string, string[]> { ["company"] = ["A", "B"], ["A"] = [], ["B"] = ["B1"], ["B1"] = [] };
        var subtree = new Dictionary<string, int> { ["company"] = 77, ["A"] = 50, ["B"] = 27, ["B1"] = 25 };
        var direct = new Dictionary<string, int> { ["company"] = 0, ["A"] = 50, ["B"] = 2, ["B1"] = 25 };
        var shown = AnonymityGuard.Tree("company", n => children[n], n => subtree[n], n => direct[n], 5);
        Assert.Contains("B", shown);
        Assert.DoesNotContain("B1", shown);
    }

    /// <summary>
    /// The attacker's view: every shown cell and total is known. Brute force over the hidden cells' possible values
    /// (bounded by the totals) would be slow, so check the stronger linear statement by elimination with rationals:
    /// no hidden cell of 1..k−1 is fixed by the known sums.
    /// </summary>
    private static void AssertNoSmallCellSolvable(int[,] counts, TableVisibility v, int k)
    {
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (!v.Total)
                {
                    Assert.False(v.Rows[r] || v.Columns[c] || v.Cells[r, c]);
                }
                if (v.Cells[r, c])
                {
                    Assert.True(counts[r, c] >= k, $"cell {r},{c} of {counts[r, c]} is shown");
                    Assert.True(v.Rows[r] && v.Columns[c]);
                }
                else if (counts[r, c] is > 0 and < 5)
                {
                    Assert.False(Determined(v, rows, cols, r, c), $"cell {r},{c} of {counts[r, c]} can be solved");
                }
            }
        }
    }

    /// <summary>Whether the hidden cell (r, c) has the same value in every table agreeing with the shown sums: true when
    /// its unit vector is a combination of the known equations (tested by adding it and seeing the rank not grow).</summary>
    private static bool Determined(TableVisibility v, int rows, int cols, int row, int col)
    {
        var unknowns = new List<(int R, int C)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (!v.Cells[r, c])
                {
                    unknowns.Add((r, c));
                }
            }
        }
        var eq = new List<long[]>();
        if (v.Total)
        {
            eq.Add(unknowns.Select(_ => 1L).ToArray());
        }
        eq.AddRange(Enumerable.Range(0, rows).Where(r => v.Rows[r]).Select(r => unknowns.Select(u => u.R == r ? 1L : 0L).ToArray()));
        eq.AddRange(Enumerable.Range(0, cols).Where(c => v.Columns[c]).Select(c => unknowns.Select(u => u.C == c ? 1L : 0L).ToArray()));
        var target = unknowns.Select(u => u == (row, col) ? 1L : 0L).ToArray();
        return Rank(eq) == Rank([.. eq, target]);
    }

    private static int Rank(List<long[]> source)
    {
        var m = source.Select(r => r.Select(x => (double)x).ToArray()).ToList();
        var rank = 0;
        var width = m.Count == 0 ? 0 : m[0].Length;
        for (var col = 0; col < width && rank < m.Count; col++)
        {
            var pick = Enumerable.Range(rank, m.Count - rank).FirstOrDefault(i => Math.Abs(m[i][col]) > 1e-9, -1);
            if (pick < 0)
            {
                continue;
            }
            (m[rank], m[pick]) = (m[pick], m[rank]);
            for (var i = rank + 1; i < m.Count; i++)
            {
                var f = m[i][col] / m[rank][col];
                for (var j = col; j < width; j++)
                {
                    m[i][j] -= f * m[rank][j];
                }
            }
            rank++;
        }
        return rank;
    }
}
