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
/// <item>then an exact check (<see cref="FilterAlgebra"/>): no atom (a department unit × location × band), no hidden
/// cell and no hidden sub-department's cell of 1..k−1 respondents may be computable from everything shown, in exact
/// arithmetic; a published cell such a computation uses is hidden and everything is checked again.</item>
/// </list>
/// If the exact check cannot settle (an overflow, or more than <see cref="MaxRounds"/> rounds of hiding), no filtered
/// group is shown at all: refusing is always safe, and the caller's message does not say why.
/// </summary>
public static class FilterGuard
{
    /// <summary>Rounds of the exact check after which everything filtered is hidden instead of searching on.</summary>
    public const int MaxRounds = 50;

    /// <summary>
    /// The company as a tree of department nodes in pre-order (node 0 is the whole company, <c>parent[n] &lt; n</c>),
    /// which nodes' totals are published unfiltered (<see cref="AnonymityGuard.Tree{TKey}"/>), and the respondents of each
    /// node's own members (not its sub-departments) by location index × band index (the last index of each is "not known").
    /// </summary>
    public sealed record Input(int[] Parent, bool[] Shown, int[,,] Direct, int K);

    /// <summary>What may be shown: [node, location], [node, band], [node, location, band].</summary>
    public sealed record Visibility(bool[,] Location, bool[,] Band, bool[,,] Both);

    public static Visibility Compute(Input input) => Compute(input, null);

    /// <summary>
    /// As above, showing at most what <paramref name="within"/> shows: a question's figures are decided over the counts of
    /// those who answered it, inside the decision for respondents (<see cref="ForFigures"/>).
    /// </summary>
    public static Visibility Compute(Input input, Visibility? within)
    {
        var table = new CountTable(input);
        var k = AnonymityGuard.Effective(input.K);
        var cells = Candidates(table, input.Shown, k, within);
        if (!cells.Location.Cast<bool>().Any(x => x) && !cells.Band.Cast<bool>().Any(x => x))
        {
            return cells;
        }
        try
        {
            var algebra = new FilterAlgebra(table, input.Shown, k);
            for (var round = 0; ; round++)
            {
                HideAlongLines(table, input.Shown, cells, k);
                if (round == MaxRounds)
                {
                    return None(table);
                }
                if (!algebra.HideSolvable(cells))
                {
                    return cells;
                }
            }
        }
        catch (OverflowException)
        {
            // The exact arithmetic could not settle it: hiding every filtered group is the one answer that is always safe.
            return None(table);
        }
    }

    /// <summary>
    /// Per figure (a question, a dimension), what may be shown of it in filtered groups: the same guard over the counts of
    /// respondents who answered it (<paramref name="answered"/>: per figure, like <see cref="Input.Direct"/>), published
    /// unfiltered only where at least k answered, and never more than <paramref name="respondents"/> shows. A figure whose
    /// counts equal another's (typically: everyone answered) shares its decision.
    /// </summary>
    public static IReadOnlyList<Visibility> ForFigures(Input input, Visibility respondents, IReadOnlyList<int[,,]> answered)
    {
        var k = AnonymityGuard.Effective(input.K);
        var decided = new List<(int[,,] Counts, Visibility Visibility)> { (input.Direct, respondents) };
        var result = new List<Visibility>();
        foreach (var counts in answered)
        {
            var known = decided.FirstOrDefault(d => d.Counts.Cast<int>().SequenceEqual(counts.Cast<int>()));
            if (known.Visibility is null)
            {
                var table = new CountTable(input with { Direct = counts });
                bool[] shown = [.. input.Shown.Select((s, n) => s && AnonymityGuard.MayShow(table.Total[n], k))];
                known = (counts, Compute(new(input.Parent, shown, counts, k), respondents));
                decided.Add(known);
            }
            result.Add(known.Visibility);
        }
        return result;
    }

    private static Visibility None(CountTable t) => new(new bool[t.Nodes, t.Locations], new bool[t.Nodes, t.Bands], new bool[t.Nodes, t.Locations, t.Bands]);

    private static Visibility Candidates(CountTable t, bool[] shownNode, int k, Visibility? within)
    {
        var cells = None(t);
        for (var n = 0; n < t.Nodes; n++)
        {
            if (!shownNode[n])
            {
                continue;
            }
            for (var l = 0; l < t.Locations; l++)
            {
                cells.Location[n, l] = AnonymityGuard.MayShow(t.SubLocation[n, l], k) && (within?.Location[n, l] ?? true);
                for (var b = 0; b < t.Bands; b++)
                {
                    cells.Both[n, l, b] = AnonymityGuard.MayShow(t.Sub[n, l, b], k) && (within?.Both[n, l, b] ?? true);
                }
            }
            for (var b = 0; b < t.Bands; b++)
            {
                cells.Band[n, b] = AnonymityGuard.MayShow(t.SubBand[n, b], k) && (within?.Band[n, b] ?? true);
            }
        }
        return cells;
    }

    /// <summary>The line rules, repeated until nothing changes.</summary>
    private static void HideAlongLines(CountTable t, bool[] shownNode, Visibility cells, int k)
    {
        var (locations, bands, sub) = (t.Locations, t.Bands, t.Sub);
        bool changed;
        do
        {
            changed = false;
            for (var n = 0; n < t.Nodes; n++)
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
                var node = n;
                changed |= Line(Row(t.SubLocation, n), 0, k, l => cells.Location[node, l], l => cells.Location[node, l] = false);
                changed |= Line(Row(t.SubBand, n), 0, k, b => cells.Band[node, b], b => cells.Band[node, b] = false);
                for (var l = 0; l < locations; l++)
                {
                    if (cells.Location[n, l])
                    {
                        var row = l;
                        changed |= Line([.. Enumerable.Range(0, bands).Select(b => sub[node, row, b])], 0, k, b => cells.Both[node, row, b], b => cells.Both[node, row, b] = false);
                    }
                }
                for (var b = 0; b < bands; b++)
                {
                    if (cells.Band[n, b])
                    {
                        var col = b;
                        changed |= Line([.. Enumerable.Range(0, locations).Select(l => sub[node, l, col])], 0, k, l => cells.Both[node, l, col], l => cells.Both[node, l, col] = false);
                    }
                }
            }
            // Down the tree, per filter value: a filtered parent is the sum of its filtered children and its own members.
            for (var n = 0; n < t.Nodes; n++)
            {
                var children = t.Kids[n];
                if (children.Count == 0)
                {
                    continue;
                }
                for (var l = 0; l < locations; l++)
                {
                    var loc = l;
                    changed |= Down(children, cells.Location[n, l], t.DirectLocation[n, l], c => t.SubLocation[c, loc], c => cells.Location[c, loc], c => cells.Location[c, loc] = false, k);
                    for (var b = 0; b < bands; b++)
                    {
                        var band = b;
                        changed |= Down(children, cells.Both[n, l, b], t.Direct[n, l, b], c => sub[c, loc, band], c => cells.Both[c, loc, band],
                            c => cells.Both[c, loc, band] = false, k);
                    }
                }
                for (var b = 0; b < bands; b++)
                {
                    var band = b;
                    changed |= Down(children, cells.Band[n, b], t.DirectBand[n, b], c => t.SubBand[c, band], c => cells.Band[c, band], c => cells.Band[c, band] = false, k);
                }
            }
        }
        while (changed);
    }

    private static int[] Row(int[,] m, int n) => [.. Enumerable.Range(0, m.GetLength(1)).Select(i => m[n, i])];

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
}

/// <summary>The counts of <see cref="FilterGuard.Input"/> summed once: subtrees, lines, children.</summary>
internal sealed class CountTable
{
    public int Nodes { get; }
    public int Locations { get; }
    public int Bands { get; }
    public int[] Parent { get; }
    public int[,,] Direct { get; }

    /// <summary>Respondents of a node with its sub-departments, by location × band.</summary>
    public int[,,] Sub { get; }

    public int[,] SubLocation { get; }
    public int[,] SubBand { get; }
    public int[,] DirectLocation { get; }
    public int[,] DirectBand { get; }
    public int[] Total { get; }
    public List<int>[] Kids { get; }

    public CountTable(FilterGuard.Input input)
    {
        (Parent, Direct) = (input.Parent, input.Direct);
        (Nodes, Locations, Bands) = (Parent.Length, Direct.GetLength(1), Direct.GetLength(2));
        if (input.Shown.Length != Nodes || Direct.GetLength(0) != Nodes || Enumerable.Range(1, Nodes - 1).Any(n => Parent[n] < 0 || Parent[n] >= n))
        {
            throw new ArgumentException("Nodes must be in pre-order with the company first.", nameof(input));
        }
        Sub = (int[,,])Direct.Clone();
        for (var n = Nodes - 1; n > 0; n--)
        {
            for (var l = 0; l < Locations; l++)
            {
                for (var b = 0; b < Bands; b++)
                {
                    Sub[Parent[n], l, b] += Sub[n, l, b];
                }
            }
        }
        (SubLocation, SubBand, DirectLocation, DirectBand, Total) = (new int[Nodes, Locations], new int[Nodes, Bands], new int[Nodes, Locations], new int[Nodes, Bands], new int[Nodes]);
        for (var n = 0; n < Nodes; n++)
        {
            for (var l = 0; l < Locations; l++)
            {
                for (var b = 0; b < Bands; b++)
                {
                    SubLocation[n, l] += Sub[n, l, b];
                    SubBand[n, b] += Sub[n, l, b];
                    DirectLocation[n, l] += Direct[n, l, b];
                    DirectBand[n, b] += Direct[n, l, b];
                    Total[n] += Sub[n, l, b];
                }
            }
        }
        Kids = [.. Enumerable.Range(0, Nodes).Select(_ => new List<int>())];
        for (var n = 1; n < Nodes; n++)
        {
            Kids[Parent[n]].Add(n);
        }
    }
}
