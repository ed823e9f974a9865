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

    /// <summary>A random company: a random tree, counts 0..max−1 per node × location × band (a quarter empty), k = 5.</summary>
    private static FilterGuard.Input RandomCompany(Random random, int maxNodes, int maxLocations, int maxBands, int maxCount)
    {
        var nodes = random.Next(2, maxNodes + 1);
        var parent = new int[nodes];
        parent[0] = -1;
        for (var n = 1; n < nodes; n++)
        {
            parent[n] = random.Next(0, n);
        }
        var (locations, bands) = (random.Next(1, maxLocations + 1), random.Next(1, maxBands + 1));
        var direct = new int[nodes, locations, bands];
        for (var n = 0; n < nodes; n++)
        {
            for (var l = 0; l < locations; l++)
            {
                for (var b = 0; b < bands; b++)
                {
                    direct[n, l, b] = random.Next(4) == 0 ? 0 : random.Next(1, maxCount);
                }
            }
        }
        return WithTree(parent, direct);
    }

    /// <summary>The input with the departments shown unfiltered as the results page decides it.</summary>
    private static FilterGuard.Input WithTree(int[] parent, int[,,] direct)
    {
        var nodes = parent.Length;
        var kids = Enumerable.Range(0, nodes).Select(n => (IReadOnlyList<int>)[.. Enumerable.Range(1, nodes - 1).Where(c => parent[c] == n)]).ToArray();
        int Direct(int n)
        {
            var sum = 0;
            for (var l = 0; l < direct.GetLength(1); l++)
            {
                for (var b = 0; b < direct.GetLength(2); b++)
                {
                    sum += direct[n, l, b];
                }
            }
            return sum;
        }
        int Subtree(int n) => Direct(n) + kids[n].Sum(Subtree);
        var shown = AnonymityGuard.Tree(0, n => kids[n], Subtree, Direct, K);
        return new(parent, [.. Enumerable.Range(0, nodes).Select(shown.Contains)], direct, K);
    }

    private static int ShownCells(FilterGuard.Visibility v) =>
        v.Location.Cast<bool>().Count(x => x) + v.Band.Cast<bool>().Count(x => x) + v.Both.Cast<bool>().Count(x => x);

    [Fact]
    public void Larger_random_companies_never_leave_a_small_group_solvable_for_the_sparse_attacker()
    {
        var random = new Random(7);
        var shown = 0;
        for (var run = 0; run < 80; run++)
        {
            var input = RandomCompany(random, 14, 4, 4, 10);
            var v = FilterGuard.Compute(input);
            Assert.Empty(SparseAttacker.Solvable(input, v, K));
            if (input.Direct.Length <= 100)
            {
                AssertNothingSmallSolvable(input, v);
            }
            shown += ShownCells(v);
        }
        // Safe by refusing everything would pass the line above: the guard must still show filtered groups.
        Assert.True(shown > 500, $"only {shown} filtered groups shown over 80 companies");
    }

    [Fact]
    public void The_sparse_attacker_finds_leaks_when_every_filtered_group_of_k_or_more_is_shown()
    {
        // Showing every cell of ≥ k leaks in many random companies; the attacker must see it, or its silence means nothing.
        var random = new Random(11);
        var leaks = 0;
        for (var run = 0; run < 40; run++)
        {
            var input = RandomCompany(random, 8, 3, 3, 10);
            var (nodes, locations, bands) = (input.Parent.Length, input.Direct.GetLength(1), input.Direct.GetLength(2));
            var sub = (int[,,])input.Direct.Clone();
            for (var n = nodes - 1; n > 0; n--)
            {
                for (var l = 0; l < locations; l++)
                {
                    for (var b = 0; b < bands; b++)
                    {
                        sub[input.Parent[n], l, b] += sub[n, l, b];
                    }
                }
            }
            var all = new FilterGuard.Visibility(new bool[nodes, locations], new bool[nodes, bands], new bool[nodes, locations, bands]);
            for (var n = 0; n < nodes; n++)
            {
                for (var l = 0; l < locations; l++)
                {
                    var location = Enumerable.Range(0, bands).Sum(b => sub[n, l, b]);
                    all.Location[n, l] = input.Shown[n] && location >= K;
                    for (var b = 0; b < bands; b++)
                    {
                        all.Both[n, l, b] = input.Shown[n] && sub[n, l, b] >= K;
                    }
                }
                for (var b = 0; b < bands; b++)
                {
                    all.Band[n, b] = input.Shown[n] && Enumerable.Range(0, locations).Sum(l => sub[n, l, b]) >= K;
                }
            }
            var found = SparseAttacker.Solvable(input, all, K);
            leaks += found.Count > 0 ? 1 : 0;
            // The dense attacker agrees with the sparse one.
            Assert.Equal(found.Count > 0, !Safe(input, all));
        }
        Assert.True(leaks > 10, $"the attacker found leaks in only {leaks} of 40 companies");
    }

    [Fact]
    public void A_company_of_10000_over_50_departments_8_locations_and_5_bands_is_decided_and_nothing_small_is_solvable()
    {
        // As the benchmark company: a dozen departments under the company, teams beneath them, 10,000 respondents.
        var random = new Random(20261207);
        var parent = new List<int> { -1 };
        for (var top = 0; top < 12; top++)
        {
            var index = parent.Count;
            parent.Add(0);
            for (var team = 0; team < (top < 2 ? 4 : 3); team++)
            {
                parent.Add(index);
            }
        }
        var (nodes, locations, bands) = (parent.Count, 9, 5);
        var direct = new int[nodes, locations, bands];
        double[] locationWeight = [.. Enumerable.Range(0, locations).Select(l => l == locations - 1 ? 0.02 : 0.2 + random.NextDouble())];
        double[] bandWeight = [0.15, 0.3, 0.25, 0.29, 0.01];
        double[] nodeWeight = [.. Enumerable.Range(0, nodes).Select(n => n == 0 ? 0 : 0.3 + random.NextDouble())];
        int Pick(double[] weights)
        {
            var r = random.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                if ((r -= weights[i]) <= 0)
                {
                    return i;
                }
            }
            return weights.Length - 1;
        }
        for (var person = 0; person < 10_000; person++)
        {
            direct[Pick(nodeWeight), Pick(locationWeight), Pick(bandWeight)]++;
        }
        Assert.Equal(51, nodes);
        Assert.True(direct.Cast<int>().Count(c => c > 0) >= 1_500);

        var input = WithTree([.. parent], direct);
        var v = FilterGuard.Compute(input);
        Assert.Empty(SparseAttacker.Solvable(input, v, K));
        // Decided, not refused wholesale: most departments can be filtered by location and by band.
        Assert.True(Enumerable.Range(1, nodes - 1).Count(n => Enumerable.Range(0, locations - 1).Any(l => v.Location[n, l])) > 40);
        Assert.True(ShownCells(v) > 500, $"only {ShownCells(v)} filtered groups shown");
    }

    /// <summary>
    /// Counts of those who answered an optional question: each cell keeps a random share of its respondents (sometimes
    /// all, sometimes none).
    /// </summary>
    private static int[,,] Answered(Random random, int[,,] direct)
    {
        var answered = (int[,,])direct.Clone();
        for (var n = 0; n < direct.GetLength(0); n++)
        {
            for (var l = 0; l < direct.GetLength(1); l++)
            {
                for (var b = 0; b < direct.GetLength(2); b++)
                {
                    answered[n, l, b] = random.Next(3) == 0 ? direct[n, l, b] : random.Next(0, direct[n, l, b] + 1);
                }
            }
        }
        return answered;
    }

    /// <summary>The unfiltered page's totals of a figure: a shown department where at least k answered.</summary>
    private static FilterGuard.Input ForFigure(FilterGuard.Input respondents, int[,,] answered)
    {
        var nodes = respondents.Parent.Length;
        var total = new int[nodes];
        for (var n = nodes - 1; n >= 0; n--)
        {
            for (var l = 0; l < answered.GetLength(1); l++)
            {
                for (var b = 0; b < answered.GetLength(2); b++)
                {
                    total[n] += answered[n, l, b];
                }
            }
            if (n > 0)
            {
                total[respondents.Parent[n]] += total[n];
            }
        }
        return respondents with { Shown = [.. respondents.Shown.Select((s, n) => s && total[n] >= K)], Direct = answered };
    }

    [Fact]
    public void A_questions_figures_in_filtered_groups_add_nothing_to_what_its_unfiltered_figures_give()
    {
        var random = new Random(31);
        var (figuresShown, figuresHiddenInShownGroups) = (0, 0);
        for (var run = 0; run < 60; run++)
        {
            var input = RandomCompany(random, 10, 3, 3, 12);
            var respondents = FilterGuard.Compute(input);
            var answered = Answered(random, input.Direct);
            var figures = FilterGuard.ForFigures(input, respondents, [answered, input.Direct]);
            // Everyone answered: the respondents' decision itself.
            Assert.Equal(respondents.Both.Cast<bool>(), figures[1].Both.Cast<bool>());
            var figure = figures[0];
            Assert.DoesNotContain(figure.Location.Cast<bool>().Zip(respondents.Location.Cast<bool>()), x => x.First && !x.Second);
            Assert.DoesNotContain(figure.Band.Cast<bool>().Zip(respondents.Band.Cast<bool>()), x => x.First && !x.Second);
            Assert.DoesNotContain(figure.Both.Cast<bool>().Zip(respondents.Both.Cast<bool>()), x => x.First && !x.Second);
            // Whatever the question's unfiltered figures already give away (differencing of departments, as in ADR 0011)
            // is not the filters' doing; the filtered figures must add no group of 1..k−1 answerers to it.
            var published = ForFigure(input, answered);
            var none = new FilterGuard.Visibility(new bool[input.Parent.Length, input.Direct.GetLength(1)], new bool[input.Parent.Length, input.Direct.GetLength(2)],
                new bool[input.Parent.Length, input.Direct.GetLength(1), input.Direct.GetLength(2)]);
            var before = SparseAttacker.Solvable(published, none, K);
            Assert.Empty(SparseAttacker.Solvable(published, figure, K).Except(before));
            figuresShown += ShownCells(figure);
            figuresHiddenInShownGroups += ShownCells(respondents) - ShownCells(figure);
        }
        Assert.True(figuresShown > 100, $"only {figuresShown} filtered figures shown");
        Assert.True(figuresHiddenInShownGroups > 0, "no question figure was ever hidden in a shown filtered group");
    }

    [Fact]
    public void An_optional_question_is_hidden_where_its_answerers_could_be_subtracted_across_locations_and_bands()
    {
        // One department, Warsaw and Cairo × two bands, 6 respondents each: every filtered group may be shown. The optional
        // question was answered by all but 4 in Cairo's second band: Cairo (8) − Cairo's first band (6) would give 2.
        var direct = new int[2, 2, 2];
        (direct[1, 0, 0], direct[1, 0, 1], direct[1, 1, 0], direct[1, 1, 1]) = (6, 6, 6, 6);
        var input = new FilterGuard.Input([-1, 0], [true, true], direct, K);
        var respondents = FilterGuard.Compute(input);
        Assert.True(respondents.Location[1, 1] && respondents.Both[1, 1, 0] && respondents.Both[1, 1, 1]);
        var answered = (int[,,])direct.Clone();
        answered[1, 1, 1] = 2;
        var figure = FilterGuard.ForFigures(input, respondents, [answered])[0];
        Assert.False(figure.Both[1, 1, 1]);
        Assert.False(figure.Location[1, 1] && figure.Both[1, 1, 0]);
        Assert.False(figure.Band[1, 1] && figure.Both[1, 0, 1]);
        Assert.Empty(SparseAttacker.Solvable(ForFigure(input, answered), figure, K));
    }

    /// <summary>
    /// Builds what is published (each shown department's total and every shown filtered cell) as sums of atoms (a node's
    /// own members × location × band) and asserts that no atom or cell of 1..k−1 is determined by them.
    /// </summary>
    private static void AssertNothingSmallSolvable(FilterGuard.Input input, FilterGuard.Visibility v) => Assert.Empty(DenseSolvable(input, v));

    private static bool Safe(FilterGuard.Input input, FilterGuard.Visibility v) => DenseSolvable(input, v).Count == 0;

    /// <summary>The groups of 1..k−1 the dense attacker computes (see <see cref="AssertNothingSmallSolvable"/>).</summary>
    private static List<string> DenseSolvable(FilterGuard.Input input, FilterGuard.Visibility v)
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
        return [.. targets.Select(t => (t.Name, t.Vector, Count: Count(t.Vector))).Where(t => t.Count is > 0 and < K && InSpan(published, t.Vector))
            .Select(t => $"{t.Name} ({t.Count} respondents) can be computed from what is shown")];
    }

    /// <summary>Whether <paramref name="target"/> is a rational combination of <paramref name="rows"/> (fraction-free elimination).</summary>
    internal static bool InSpan(List<long[]> rows, long[] target)
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
