namespace Inward.Features.Listening;

/// <summary>Years since hire, banded, as frozen at a survey's launch (a filter of results).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TenureBand>))]
public enum TenureBand
{
    UnderOneYear,
    OneToThreeYears,
    ThreeToFiveYears,
    FiveYearsOrMore,
}

/// <summary>A results filter: a location, a tenure band, or both (within the chosen department group).</summary>
public sealed record ResultFilter(int? LocationId, TenureBand? Tenure)
{
    public bool IsEmpty => LocationId is null && Tenure is null;
}

/// <summary>
/// A question (<see cref="QuestionId"/>: % favourable, or the eNPS score) or a dimension (<see cref="Dimension"/>: % favourable)
/// of the chosen group beside the whole company, and the difference in points (group − company).
/// </summary>
public sealed record CompanyComparison(int? QuestionId, string? Dimension, double Group, double Company, double Difference);

/// <summary>Reading filters from a query string, and the one message every refused filter gives.</summary>
public static class ResultFilterQuery
{
    /// <summary>The same words whether the filtered group is small, empty or protected for another group's sake.</summary>
    public const string Refused = "These filters are not available for this group: together with other results they could single out fewer people than the anonymity threshold.";

    public const string BadTenure = "The tenure band must be one of UnderOneYear, OneToThreeYears, ThreeToFiveYears or FiveYearsOrMore.";

    /// <summary>The filter of a request (null: none); false when the tenure band is not one of <see cref="TenureBand"/>.</summary>
    public static bool TryParse(int? location, string? tenure, out ResultFilter? filter)
    {
        filter = null;
        TenureBand? band = null;
        if (!string.IsNullOrEmpty(tenure))
        {
            // Names only: Enum.TryParse would also take any number.
            if (!Enum.TryParse<TenureBand>(tenure, ignoreCase: true, out var parsed) || !Enum.GetNames<TenureBand>().Contains(tenure, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }
            band = parsed;
        }
        filter = location is null && band is null ? null : new ResultFilter(location, band);
        return true;
    }
}

public static class TenureBands
{
    public static readonly IReadOnlyList<TenureBand> All = Enum.GetValues<TenureBand>();

    /// <summary>The band of someone hired on <paramref name="hired"/> on <paramref name="day"/>; null without a hire date.</summary>
    public static TenureBand? Of(DateOnly? hired, DateOnly day)
    {
        if (hired is not { } h)
        {
            return null;
        }
        // Whole years completed: someone hired on 2023-03-01 has 1 year on 2024-03-01 and 0 the day before.
        var years = day.Year - h.Year;
        if (day < h.AddYears(years))
        {
            years--;
        }
        return years switch
        {
            < 1 => TenureBand.UnderOneYear,
            < 3 => TenureBand.OneToThreeYears,
            < 5 => TenureBand.ThreeToFiveYears,
            _ => TenureBand.FiveYearsOrMore,
        };
    }

    /// <summary>English label (a resource key).</summary>
    public static string Label(TenureBand band) => band switch
    {
        TenureBand.UnderOneYear => "Less than 1 year",
        TenureBand.OneToThreeYears => "1 to 3 years",
        TenureBand.ThreeToFiveYears => "3 to 5 years",
        _ => "5 years or more",
    };
}

/// <summary>
/// Which filtered groups may be shown, as a pure function over counts. A filtered group is a department node (with its
/// sub-departments) narrowed to a location, a tenure band, or both. Every such group, the department totals and the
/// location and tenure breakdowns are published side by side, so an attacker can add and subtract any of them
/// (location A, then band B, then both, then the department alone; a parent minus its other children). The decision is
/// therefore made once for the whole company and every filter value at the same time, never per request:
/// <list type="number">
/// <item>a cell is a candidate only if its department is shown unfiltered and it has ≥ k respondents; a pair (location
/// and band) also needs both of its single filters shown;</item>
/// <item>along every published total (a department split by location or by band, a shown location or band split by the
/// other, a filtered parent split into its filtered children plus its own direct members) the hidden parts hold 0 or
/// ≥ k respondents, and never a single non-empty part alone (a lone hidden part would be solved by subtraction and used
/// in the next line); the smallest shown part is hidden until that holds;</item>
/// <item>then an exact check: the respondents are split into atoms (a department unit × location × band), every published
/// figure is a sum of atoms, and no atom nor hidden cell of 1..k−1 respondents may lie in the span of the published sums;
/// if one does, the smallest shown cell of its value is hidden and everything is checked again.</item>
/// </list>
/// When the atoms are too many for the exact check (<see cref="ExactCheckLimit"/>), no filtered group is shown at all:
/// refusing is always safe, and the caller's message does not say why.
/// </summary>
public static class FilterGuard
{
    /// <summary>Non-empty atoms above which the exact check (dense elimination) would be too slow for a request.</summary>
    public const int ExactCheckLimit = 300;

    /// <summary>
    /// The company as a tree of department nodes in pre-order (node 0 is the whole company, <c>parent[n] &lt; n</c>),
    /// which nodes are shown unfiltered (<see cref="AnonymityGuard.Tree{TKey}"/>), and the respondents of each node's own
    /// members (not its sub-departments) by location index × band index (the last index of each is "not known").
    /// </summary>
    public sealed record Input(int[] Parent, bool[] Shown, int[,,] Direct, int K);

    /// <summary>What may be shown: [node, location], [node, band], [node, location, band].</summary>
    public sealed record Visibility(bool[,] Location, bool[,] Band, bool[,,] Both);

    public static Visibility Compute(Input input)
    {
        var (parent, shownNode, direct, k) = (input.Parent, input.Shown, input.Direct, AnonymityGuard.Effective(input.K));
        int nodes = parent.Length, locations = direct.GetLength(1), bands = direct.GetLength(2);
        if (shownNode.Length != nodes || direct.GetLength(0) != nodes || Enumerable.Range(1, nodes - 1).Any(n => parent[n] < 0 || parent[n] >= n))
        {
            throw new ArgumentException("Nodes must be in pre-order with the company first.", nameof(input));
        }
        var sub = (int[,,])direct.Clone();
        for (var n = nodes - 1; n > 0; n--)
        {
            for (var l = 0; l < locations; l++)
            {
                for (var b = 0; b < bands; b++)
                {
                    sub[parent[n], l, b] += sub[n, l, b];
                }
            }
        }
        var kids = Enumerable.Range(0, nodes).Select(_ => new List<int>()).ToArray();
        for (var n = 1; n < nodes; n++)
        {
            kids[parent[n]].Add(n);
        }
        int SubL(int n, int l) => Enumerable.Range(0, bands).Sum(b => sub[n, l, b]);
        int SubB(int n, int b) => Enumerable.Range(0, locations).Sum(l => sub[n, l, b]);
        int DirectL(int n, int l) => Enumerable.Range(0, bands).Sum(b => direct[n, l, b]);
        int DirectB(int n, int b) => Enumerable.Range(0, locations).Sum(l => direct[n, l, b]);

        var cells = new Cells(nodes, locations, bands);
        for (var n = 0; n < nodes; n++)
        {
            if (!shownNode[n])
            {
                continue;
            }
            for (var l = 0; l < locations; l++)
            {
                cells.Location[n, l] = AnonymityGuard.MayShow(SubL(n, l), k);
                for (var b = 0; b < bands; b++)
                {
                    cells.Both[n, l, b] = AnonymityGuard.MayShow(sub[n, l, b], k);
                }
            }
            for (var b = 0; b < bands; b++)
            {
                cells.Band[n, b] = AnonymityGuard.MayShow(SubB(n, b), k);
            }
        }

        var atoms = Atoms(parent, shownNode, direct);
        bool changed;
        do
        {
            changed = false;
            for (var n = 0; n < nodes; n++)
            {
                // Pairs need their single filters; a hidden single filter hides its pairs.
                for (var l = 0; l < locations; l++)
                {
                    for (var b = 0; b < bands; b++)
                    {
                        if (cells.Both[n, l, b] && (!cells.Location[n, l] || !cells.Band[n, b]))
                        {
                            cells.Both[n, l, b] = false;
                            changed = true;
                        }
                    }
                }
                if (!shownNode[n])
                {
                    continue;
                }
                changed |= Line([.. Enumerable.Range(0, locations).Select(l => SubL(n, l))], 0, k, l => cells.Location[n, l], l => cells.Location[n, l] = false);
                changed |= Line([.. Enumerable.Range(0, bands).Select(b => SubB(n, b))], 0, k, b => cells.Band[n, b], b => cells.Band[n, b] = false);
                for (var l = 0; l < locations; l++)
                {
                    if (cells.Location[n, l])
                    {
                        var row = l;
                        changed |= Line([.. Enumerable.Range(0, bands).Select(b => sub[n, row, b])], 0, k, b => cells.Both[n, row, b], b => cells.Both[n, row, b] = false);
                    }
                }
                for (var b = 0; b < bands; b++)
                {
                    if (cells.Band[n, b])
                    {
                        var col = b;
                        changed |= Line([.. Enumerable.Range(0, locations).Select(l => sub[n, l, col])], 0, k, l => cells.Both[n, l, col], l => cells.Both[n, l, col] = false);
                    }
                }
            }
            // Down the tree, per filter value: a filtered parent is the sum of its filtered children and its own members.
            for (var n = 0; n < nodes; n++)
            {
                var children = kids[n];
                if (children.Count == 0)
                {
                    continue;
                }
                for (var l = 0; l < locations; l++)
                {
                    var loc = l;
                    changed |= Down(children, cells.Location[n, l], DirectL(n, l), c => SubL(c, loc), c => cells.Location[c, loc], c => cells.Location[c, loc] = false, k);
                    for (var b = 0; b < bands; b++)
                    {
                        var band = b;
                        changed |= Down(children, cells.Both[n, l, b], direct[n, l, b], c => sub[c, loc, band], c => cells.Both[c, loc, band],
                            c => cells.Both[c, loc, band] = false, k);
                    }
                }
                for (var b = 0; b < bands; b++)
                {
                    var band = b;
                    changed |= Down(children, cells.Band[n, b], DirectB(n, b), c => SubB(c, band), c => cells.Band[c, band], c => cells.Band[c, band] = false, k);
                }
            }
            if (!changed)
            {
                if (atoms.Count > ExactCheckLimit)
                {
                    return new(new bool[nodes, locations], new bool[nodes, bands], new bool[nodes, locations, bands]);
                }
                changed = HideOneSolvable(atoms, cells, shownNode, kids, sub, k);
            }
        }
        while (changed);
        return new(cells.Location, cells.Band, cells.Both);
    }

    private sealed class Cells(int nodes, int locations, int bands)
    {
        public readonly bool[,] Location = new bool[nodes, locations];
        public readonly bool[,] Band = new bool[nodes, bands];
        public readonly bool[,,] Both = new bool[nodes, locations, bands];
    }

    /// <summary>A non-empty group of respondents nothing published can split: a unit (a shown node with its hidden sub-departments) × location × band.</summary>
    private sealed record Atom(int Unit, int Location, int Band, int Count);

    private static List<Atom> Atoms(int[] parent, bool[] shown, int[,,] direct)
    {
        var unit = new int[parent.Length];
        for (var n = 0; n < parent.Length; n++)
        {
            unit[n] = n == 0 || shown[n] ? n : unit[parent[n]];
        }
        var counts = new Dictionary<(int, int, int), int>();
        for (var n = 0; n < parent.Length; n++)
        {
            for (var l = 0; l < direct.GetLength(1); l++)
            {
                for (var b = 0; b < direct.GetLength(2); b++)
                {
                    if (direct[n, l, b] > 0)
                    {
                        counts[(unit[n], l, b)] = counts.GetValueOrDefault((unit[n], l, b)) + direct[n, l, b];
                    }
                }
            }
        }
        // Empty atoms are left out, as if the attacker knew they are empty: that can only make more things solvable, so
        // the check errs on the side of hiding.
        return [.. counts.Select(c => new Atom(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Value))];
    }

    /// <summary>
    /// One published total split into parts: the hidden parts (with <paramref name="rest"/>, which is never shown on its own)
    /// must hold 0 or ≥ k respondents, and not sit in a single non-empty part. Returns whether a part was hidden.
    /// </summary>
    private static bool Line(int[] counts, int rest, int k, Func<int, bool> isShown, Action<int> hide)
    {
        var changed = false;
        while (true)
        {
            var hiddenParts = counts.Where((c, i) => c > 0 && !isShown(i)).ToList();
            var hidden = rest + hiddenParts.Sum();
            var pieces = hiddenParts.Count + (rest > 0 ? 1 : 0);
            if (hidden == 0 || (AnonymityGuard.MayShow(hidden, k) && pieces >= 2))
            {
                return changed;
            }
            var smallest = -1;
            for (var i = 0; i < counts.Length; i++)
            {
                if (isShown(i) && counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest]))
                {
                    smallest = i;
                }
            }
            if (smallest < 0)
            {
                return changed;
            }
            hide(smallest);
            changed = true;
        }
    }

    private static bool Down(List<int> children, bool parentShown, int rest, Func<int, int> count, Func<int, bool> isShown, Action<int> hide, int k)
    {
        if (!parentShown)
        {
            // A hidden filtered parent hides its filtered children: they would add up to it.
            var changed = false;
            foreach (var c in children.Where(isShown))
            {
                hide(c);
                changed = true;
            }
            return changed;
        }
        return Line([.. children.Select(count)], rest, k, i => isShown(children[i]), i => hide(children[i]));
    }

    /// <summary>
    /// The exact check: builds the published sums over the atoms, reduces them to echelon form and looks for an atom or a
    /// hidden cell of 1..k−1 respondents in their span. Hides the smallest shown cell of the same filter value (else any)
    /// and returns true when it finds one.
    /// </summary>
    private static bool HideOneSolvable(List<Atom> atoms, Cells cells, bool[] shownNode, List<int>[] kids, int[,,] sub, int k)
    {
        int nodes = shownNode.Length, locations = sub.GetLength(1), bands = sub.GetLength(2);
        // Which atoms each node's subtree holds.
        var inside = new bool[nodes][];
        var unitsOf = new List<int>[nodes];
        for (var n = nodes - 1; n >= 0; n--)
        {
            unitsOf[n] = [n, .. kids[n].SelectMany(c => unitsOf[c])];
        }
        for (var n = 0; n < nodes; n++)
        {
            var set = unitsOf[n].ToHashSet();
            inside[n] = [.. atoms.Select(a => set.Contains(a.Unit))];
        }
        double[] Sum(int n, int l, int b) => [.. atoms.Select((a, i) => inside[n][i] && (l < 0 || a.Location == l) && (b < 0 || a.Band == b) ? 1.0 : 0.0)];

        var rows = new List<double[]>();
        for (var n = 0; n < nodes; n++)
        {
            if (!shownNode[n])
            {
                continue;
            }
            rows.Add(Sum(n, -1, -1));
            for (var l = 0; l < locations; l++)
            {
                if (cells.Location[n, l])
                {
                    rows.Add(Sum(n, l, -1));
                }
                for (var b = 0; b < bands; b++)
                {
                    if (cells.Both[n, l, b])
                    {
                        rows.Add(Sum(n, l, b));
                    }
                }
            }
            for (var b = 0; b < bands; b++)
            {
                if (cells.Band[n, b])
                {
                    rows.Add(Sum(n, -1, b));
                }
            }
        }
        var echelon = AnonymityGuard.ReducedRows(rows, atoms.Count);
        bool Solvable(double[] target) => Reduce(echelon, target).All(x => Math.Abs(x) < 1e-7);
        bool Small(int count) => count > 0 && !AnonymityGuard.MayShow(count, k);

        for (var i = 0; i < atoms.Count; i++)
        {
            if (Small(atoms[i].Count) && Solvable([.. atoms.Select((_, j) => j == i ? 1.0 : 0.0)]))
            {
                return HideNear(cells, sub, atoms[i].Location, atoms[i].Band);
            }
        }
        for (var n = 0; n < nodes; n++)
        {
            if (!shownNode[n])
            {
                continue;
            }
            for (var l = 0; l < locations; l++)
            {
                if (!cells.Location[n, l] && Small(Enumerable.Range(0, bands).Sum(b => sub[n, l, b])) && Solvable(Sum(n, l, -1)))
                {
                    return HideNear(cells, sub, l, -1);
                }
                for (var b = 0; b < bands; b++)
                {
                    if (!cells.Both[n, l, b] && Small(sub[n, l, b]) && Solvable(Sum(n, l, b)))
                    {
                        return HideNear(cells, sub, l, b);
                    }
                }
            }
            for (var b = 0; b < bands; b++)
            {
                if (!cells.Band[n, b] && Small(Enumerable.Range(0, locations).Sum(l => sub[n, l, b])) && Solvable(Sum(n, -1, b)))
                {
                    return HideNear(cells, sub, -1, b);
                }
            }
        }
        return false;
    }

    /// <summary>Hides the smallest shown cell of the location or band (else the smallest shown cell anywhere).</summary>
    private static bool HideNear(Cells cells, int[,,] sub, int location, int band)
    {
        int nodes = sub.GetLength(0), locations = sub.GetLength(1), bands = sub.GetLength(2);
        var candidates = new List<(int Count, Action Hide, bool Near)>();
        for (var n = 0; n < nodes; n++)
        {
            var node = n;
            for (var l = 0; l < locations; l++)
            {
                var loc = l;
                if (cells.Location[n, l])
                {
                    candidates.Add((Enumerable.Range(0, bands).Sum(b => sub[node, loc, b]), () => cells.Location[node, loc] = false, l == location));
                }
                for (var b = 0; b < bands; b++)
                {
                    var band2 = b;
                    if (cells.Both[n, l, b])
                    {
                        candidates.Add((sub[n, l, b], () => cells.Both[node, loc, band2] = false, l == location || b == band));
                    }
                }
            }
            for (var b = 0; b < bands; b++)
            {
                var band2 = b;
                if (cells.Band[n, b])
                {
                    candidates.Add((Enumerable.Range(0, locations).Sum(l => sub[node, l, band2]), () => cells.Band[node, band2] = false, b == band));
                }
            }
        }
        if (candidates.Count == 0)
        {
            return false;
        }
        var pick = candidates.Any(c => c.Near) ? candidates.Where(c => c.Near).MinBy(c => c.Count) : candidates.MinBy(c => c.Count);
        pick.Hide();
        return true;
    }

    private static double[] Reduce(List<(int Pivot, double[] Row)> echelon, double[] target)
    {
        foreach (var (pivot, row) in echelon)
        {
            var f = target[pivot];
            if (Math.Abs(f) > 1e-9)
            {
                for (var j = pivot; j < target.Length; j++)
                {
                    target[j] -= f * row[j];
                }
            }
        }
        return target;
    }
}
