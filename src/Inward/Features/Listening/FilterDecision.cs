namespace Inward.Features.Listening;

/// <summary>
/// The <see cref="FilterGuard"/> decision over the whole company for one survey, as requests ask it: which department
/// nodes may be shown narrowed by a filter, and, per figure (a question, a dimension), in which of them its figures may be
/// shown — decided over the counts of those who answered it, so an optional question's figures cannot be subtracted
/// down to fewer than k answerers across several filtered groups. It does not depend on the filter asked for, so one
/// decision serves every filtered view of a closed survey.
/// </summary>
internal sealed class FilterDecision
{
    private readonly Dictionary<int, int> indexOf;
    private readonly Dictionary<int, int> locationIndex;
    private readonly FilterGuard.Visibility respondents;
    private readonly Lazy<IReadOnlyList<FilterGuard.Visibility>> figures;

    /// <param name="order">Department nodes in pre-order, the company (<paramref name="company"/>) first.</param>
    /// <param name="shown">Nodes shown unfiltered (<see cref="AnonymityGuard.Tree{TKey}"/>).</param>
    /// <param name="answered">Per figure, whether each respondent (index into <paramref name="data"/>) answered it; only read when a figure is asked for.</param>
    public FilterDecision(List<int> order, int company, Dictionary<int, int> parentOf, IReadOnlySet<int> shown, SurveyResultData data,
        Func<int?, int> nodeOf, int k, IReadOnlyList<Func<int, bool>> answered)
    {
        indexOf = order.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var locations = data.LocationIds.OfType<int>().Distinct().Order().ToList();
        locationIndex = locations.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var bands = TenureBands.All.Count;
        // Respondents as [node, location index, band index]; the last index of each is "not known".
        var cellOf = new (int Node, int Location, int Band)[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            cellOf[i] = (indexOf[nodeOf(data.DepartmentIds[i])], data.LocationIds[i] is { } loc ? locationIndex[loc] : locations.Count,
                data.Bands[i] is { } b ? (int)b : bands);
        }
        int[,,] Count(Func<int, bool> include)
        {
            var counts = new int[order.Count, locations.Count + 1, bands + 1];
            for (var i = 0; i < cellOf.Length; i++)
            {
                if (include(i))
                {
                    counts[cellOf[i].Node, cellOf[i].Location, cellOf[i].Band]++;
                }
            }
            return counts;
        }
        var input = new FilterGuard.Input([.. order.Select(n => n == company ? -1 : indexOf[parentOf[n]])], [.. order.Select(shown.Contains)], Count(_ => true), k);
        respondents = FilterGuard.Compute(input);
        figures = new(() => FilterGuard.ForFigures(input, respondents, [.. answered.Select(Count)]));
    }

    /// <summary>Whether <paramref name="node"/> may be shown narrowed by <paramref name="filter"/>.</summary>
    public bool Group(ResultFilter filter, int node) => Shows(respondents, filter, node);

    /// <summary>Whether figure <paramref name="figure"/> (an index into the constructor's list) may be shown for <paramref name="node"/> narrowed by <paramref name="filter"/>.</summary>
    public bool Figure(ResultFilter filter, int node, int figure) => Group(filter, node) && Shows(figures.Value[figure], filter, node);

    private bool Shows(FilterGuard.Visibility v, ResultFilter filter, int node)
    {
        // A location nobody responded from is refused like any other filter.
        if (!indexOf.TryGetValue(node, out var i) || (filter.LocationId is { } id && !locationIndex.ContainsKey(id)))
        {
            return false;
        }
        return (filter.LocationId is { } x ? locationIndex[x] : -1, filter.Tenure is { } t ? (int)t : -1) switch
        {
            ( >= 0 and var l, >= 0 and var b) => v.Both[i, l, b],
            ( >= 0 and var l, _) => v.Location[i, l],
            (_, var b) => v.Band[i, b],
        };
    }
}
