using Inward.Features.Listening;

namespace Inward.Tests.Listening;

/// <summary>
/// The protection of filtered results (location × tenure band within departments) as pure functions. Every test plays the
/// attacker's arithmetic: whatever is shown, no group of 1..k−1 respondents may be computed from it. The check
/// <see cref="Solvable"/> here is an independent one (exact fractions), not the guard's own.
/// </summary>
public sealed class FilterGuardTests
{
    private const int K = 5;

    [Theory]
    [InlineData("2024-03-01", "2024-03-01", TenureBand.UnderOneYear)]
    [InlineData("2023-03-02", "2024-03-01", TenureBand.UnderOneYear)]
    [InlineData("2023-03-01", "2024-03-01", TenureBand.OneToThreeYears)]
    [InlineData("2021-03-02", "2024-03-01", TenureBand.OneToThreeYears)]
    [InlineData("2021-03-01", "2024-03-01", TenureBand.ThreeToFiveYears)]
    [InlineData("2019-03-02", "2024-03-01", TenureBand.ThreeToFiveYears)]
    [InlineData("2019-03-01", "2024-03-01", TenureBand.FiveYearsOrMore)]
    [InlineData("2020-02-29", "2021-02-27", TenureBand.UnderOneYear)]
    [InlineData("2020-02-29", "2021-03-01", TenureBand.OneToThreeYears)]
    public void Tenure_bands_count_whole_years_completed_at_launch(string hired, string launched, TenureBand band) =>
        Assert.Equal(band, TenureBands.Of(DateOnly.Parse(hired, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(launched, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Without_a_hire_date_there_is_no_band() => Assert.Null(TenureBands.Of(null, new DateOnly(2024, 1, 1)));

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(3, null, true)]
    [InlineData(null, "OneToThreeYears", true)]
    [InlineData(null, "fiveyearsormore", true)]
    [InlineData(null, "7", false)]
    [InlineData(null, "Forever", false)]
    public void Only_named_tenure_bands_are_read_from_a_query(int? location, string? tenure, bool valid)
    {
        Assert.Equal(valid, ResultFilterQuery.TryParse(location, tenure, out var filter));
        if (valid && (location is not null || tenure is not null))
        {
            Assert.Equal(location, filter!.LocationId);
        }
    }

    /// <summary>A company of one department: only location values in use (index 0, 1; 2 = unknown) and one band.</summary>
    private static FilterGuard.Visibility Single(params int[] byLocation)
    {
        var direct = new int[2, byLocation.Length + 1, 5];
        for (var l = 0; l < byLocation.Length; l++)
        {
            direct[1, l, 0] = byLocation[l];
        }
        return FilterGuard.Compute(new([-1, 0], [true, true], direct, K));
    }

    [Fact]
    public void Two_large_locations_are_both_shown()
    {
        var v = Single(10, 8);
        Assert.True(v.Location[1, 0]);
        Assert.True(v.Location[1, 1]);
    }

    [Fact]
    public void A_small_location_hides_the_other_so_the_department_minus_it_reveals_nothing()
    {
        // department 12 = 10 + 2: showing the 10 would give the 2 away
        var v = Single(10, 2);
        Assert.False(v.Location[1, 1]);
        Assert.False(v.Location[1, 0]);
    }

    [Fact]
    public void An_empty_location_changes_nothing_and_is_never_shown()
    {
        var v = Single(10, 0, 8);
        Assert.True(v.Location[1, 0]);
        Assert.False(v.Location[1, 1]);
        Assert.True(v.Location[1, 2]);
    }

    [Fact]
    public void A_hidden_location_of_k_or_more_is_not_left_alone_to_be_subtracted()
    {
        // 20 + 6 + 2: the 2 hides, then the 6 to cover it; 6 + 2 = 8 ≥ k in two pieces
        var v = Single(20, 6, 2);
        Assert.True(v.Location[1, 0]);
        Assert.False(v.Location[1, 1]);
        Assert.False(v.Location[1, 2]);
    }

    [Fact]
    public void A_department_below_k_unfiltered_shows_no_filter_at_all()
    {
        var direct = new int[2, 2, 5];
        direct[1, 0, 0] = 30;
        var v = FilterGuard.Compute(new([-1, 0], [true, false], direct, K));
        Assert.False(v.Location[1, 0]);
        Assert.False(v.Band[1, 0]);
        Assert.True(v.Location[0, 0]);
    }

    [Fact]
    public void Location_then_band_then_both_cannot_be_subtracted_down_to_one_person()
    {
        // One department: location A × band 0 = 1 person, A × 1 = 9, B × 0 = 9, B × 1 = 9. A (10), B (18), band 0 (10),
        // band 1 (18) are all ≥ k, but showing them with A × 1, B × 0 and B × 1 would give A × 0 = 1.
        var direct = new int[2, 3, 5];
        (direct[1, 0, 0], direct[1, 0, 1], direct[1, 1, 0], direct[1, 1, 1]) = (1, 9, 9, 9);
        var input = new FilterGuard.Input([-1, 0], [true, true], direct, K);
        var v = FilterGuard.Compute(input);
        Assert.False(v.Both[1, 0, 0]);
        AssertNothingSmallSolvable(input, v);
    }

    [Fact]
    public void A_parent_minus_its_other_child_does_not_reveal_a_small_filtered_child()
    {
        // company → P → C1, C2. Location A: C1 has 8, C2 has 2; location B: C2 has 12. P(A) − C1(A) would be C2(A) = 2.
        var direct = new int[4, 3, 5];
        direct[2, 0, 0] = 8;
        (direct[3, 0, 0], direct[3, 1, 0]) = (2, 12);
        var input = new FilterGuard.Input([-1, 0, 1, 1], [true, true, true, true], direct, K);
        var v = FilterGuard.Compute(input);
        Assert.False(v.Location[3, 0]);
        Assert.False(v.Location[1, 0] && v.Location[2, 0]);
        AssertNothingSmallSolvable(input, v);
    }

    [Fact]
    public void Hidden_cells_that_each_pass_on_their_own_line_cannot_be_chained_across_departments()
    {
        // The classic chain: D × A = 1 is hidden with D × B = 10 to cover it; if company × B and D2 × B were shown, D × B
        // would follow, and then D × A from D's total.
        var direct = new int[3, 4, 5];
        (direct[1, 0, 0], direct[1, 1, 0], direct[1, 2, 0]) = (1, 10, 10);
        (direct[2, 0, 0], direct[2, 1, 0], direct[2, 2, 0]) = (10, 20, 10);
        var input = new FilterGuard.Input([-1, 0, 0], [true, true, true], direct, K);
        var v = FilterGuard.Compute(input);
        Assert.False(v.Location[1, 0]);
        AssertNothingSmallSolvable(input, v);
    }

    [Fact]
    public void Random_companies_never_leave_a_small_group_solvable()
    {
        var random = new Random(20261207);
        for (var run = 0; run < 60; run++)
        {
            var nodes = random.Next(2, 6);
            var parent = new int[nodes];
            parent[0] = -1;
            for (var n = 1; n < nodes; n++)
            {
                parent[n] = random.Next(0, n);
            }
            var (locations, bands) = (random.Next(1, 4), random.Next(1, 4));
            var direct = new int[nodes, locations, bands];
            for (var n = 0; n < nodes; n++)
            {
                for (var l = 0; l < locations; l++)
                {
                    for (var b = 0; b < bands; b++)
                    {
                        direct[n, l, b] = random.Next(4) == 0 ? 0 : random.Next(1, 12);
                    }
                }
            }
            // Unfiltered visibility as the results page decides it.
            var kids = Enumerable.Range(0, nodes).Select(n => (IReadOnlyList<int>)[.. Enumerable.Range(1, nodes - 1).Where(c => parent[c] == n)]).ToArray();
            int Direct(int n) => direct.Cast<int>().Skip(n * locations * bands).Take(locations * bands).Sum();
            int Subtree(int n) => Direct(n) + kids[n].Sum(Subtree);
            var shown = AnonymityGuard.Tree(0, n => kids[n], Subtree, Direct, K);
            var input = new FilterGuard.Input(parent, [.. Enumerable.Range(0, nodes).Select(shown.Contains)], direct, K);
            AssertNothingSmallSolvable(input, FilterGuard.Compute(input));
        }
    }

    [Fact]
    public void Too_many_groups_for_the_exact_check_means_no_filter_is_shown()
    {
        var nodes = 40;
        var direct = new int[nodes, 9, 4];
        var parent = Enumerable.Range(0, nodes).Select(n => n == 0 ? -1 : 0).ToArray();
        for (var n = 1; n < nodes; n++)
        {
            for (var l = 0; l < 9; l++)
            {
                for (var b = 0; b < 4; b++)
                {
                    direct[n, l, b] = 10;
                }
            }
        }
        var v = FilterGuard.Compute(new(parent, [.. Enumerable.Repeat(true, nodes)], direct, K));
        Assert.DoesNotContain(true, v.Location.Cast<bool>());
        Assert.DoesNotContain(true, v.Both.Cast<bool>());
    }

    /// <summary>
    /// Builds what is published (each shown department's total and every shown filtered cell) as sums of atoms (a node's
    /// own members × location × band) and asserts that no atom or cell of 1..k−1 is determined by them.
    /// </summary>
    private static void AssertNothingSmallSolvable(FilterGuard.Input input, FilterGuard.Visibility v)
    {
        var (parent, shown, direct) = (input.Parent, input.Shown, input.Direct);
        int nodes = parent.Length, locations = direct.GetLength(1), bands = direct.GetLength(2);
        bool Inside(int node, int ancestor)
        {
            for (var n = node; n >= 0; n = parent[n])
            {
                if (n == ancestor)
                {
                    return true;
                }
            }
            return false;
        }
        var atoms = new List<(int N, int L, int B)>();
        for (var n = 0; n < nodes; n++)
        {
            for (var l = 0; l < locations; l++)
            {
                for (var b = 0; b < bands; b++)
                {
                    atoms.Add((n, l, b));
                }
            }
        }
        long[] Sum(int n, int l, int b) => [.. atoms.Select(a => Inside(a.N, n) && (l < 0 || a.L == l) && (b < 0 || a.B == b) ? 1L : 0L)];
        long Count(long[] vector) => vector.Select((x, i) => x * direct[atoms[i].N, atoms[i].L, atoms[i].B]).Sum();
        var published = new List<long[]>();
        // Atoms known to be empty are treated as known (the guard's own, cautious, assumption).
        published.AddRange(atoms.Select((a, i) => (a, i)).Where(x => direct[x.a.N, x.a.L, x.a.B] == 0)
            .Select(x => atoms.Select((_, j) => j == x.i ? 1L : 0L).ToArray()));
        var targets = new List<(string Name, long[] Vector)>();
        for (var n = 0; n < nodes; n++)
        {
            if (shown[n])
            {
                published.Add(Sum(n, -1, -1));
            }
            for (var l = 0; l < locations; l++)
            {
                (v.Location[n, l] ? published : null)?.Add(Sum(n, l, -1));
                targets.Add(($"node {n} location {l}", Sum(n, l, -1)));
                for (var b = 0; b < bands; b++)
                {
                    (v.Both[n, l, b] ? published : null)?.Add(Sum(n, l, b));
                    targets.Add(($"node {n} location {l} band {b}", Sum(n, l, b)));
                    if (v.Both[n, l, b])
                    {
                        Assert.True(v.Location[n, l] && v.Band[n, b], "a pair is shown only with both of its filters");
                    }
                }
            }
            for (var b = 0; b < bands; b++)
            {
                (v.Band[n, b] ? published : null)?.Add(Sum(n, -1, b));
                targets.Add(($"node {n} band {b}", Sum(n, -1, b)));
            }
        }
        targets.AddRange(atoms.Select((a, i) => ($"atom {a}", atoms.Select((_, j) => j == i ? 1L : 0L).ToArray())));
        foreach (var (name, vector) in targets)
        {
            var count = Count(vector);
            if (count is > 0 and < K)
            {
                Assert.False(InSpan(published, vector), $"{name} ({count} respondents) can be computed from what is shown");
            }
        }
    }

    /// <summary>Whether <paramref name="target"/> is a rational combination of <paramref name="rows"/> (fraction-free elimination).</summary>
    private static bool InSpan(List<long[]> rows, long[] target)
    {
        var basis = new List<(int Pivot, System.Numerics.BigInteger[] Row)>();
        System.Numerics.BigInteger[] ReduceBy(System.Numerics.BigInteger[] v)
        {
            foreach (var (pivot, row) in basis)
            {
                if (!v[pivot].IsZero)
                {
                    var (a, b) = (row[pivot], v[pivot]);
                    v = [.. v.Select((x, i) => x * a - row[i] * b)];
                }
            }
            return v;
        }
        foreach (var r in rows)
        {
            var reduced = ReduceBy([.. r.Select(x => (System.Numerics.BigInteger)x)]);
            var pivot = Array.FindIndex(reduced, x => !x.IsZero);
            if (pivot >= 0)
            {
                basis.Add((pivot, reduced));
            }
        }
        return ReduceBy([.. target.Select(x => (System.Numerics.BigInteger)x)]).All(x => x.IsZero);
    }
}
