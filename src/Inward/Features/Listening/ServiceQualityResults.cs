using System.Security.Claims;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>What a cell or total of the service-quality matrix shows.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ServiceQualityState>))]
public enum ServiceQualityState
{
    Shown,
    /// <summary>Fewer than k respondents, or showing it would let someone subtract their way to such a cell.</summary>
    Suppressed,
    /// <summary>The department does not serve that one (on the map, and nobody rated it).</summary>
    NoLink,
    /// <summary>A manager's view: neither department lies in their part of the company.</summary>
    OutsideScope,
    /// <summary>Answers are shown once the survey has closed.</summary>
    NotYetClosed,
}

/// <summary>
/// A perception score: mean on the items' scale (1–7 in the template), % favourable (0..100, top three points of 7 or two of
/// 5), and the perception − expectation gap where enough people gave expectations (null otherwise). Null figures when not shown.
/// </summary>
public sealed record ServiceQualityScore(ServiceQualityState State, int? Respondents, double? Mean, double? Favourable, string? Band, double? Gap);

public sealed record ServiceQualityDepartment(int Id, string Name);

/// <summary>One served department's cell in a serving department's row; <see cref="WeakestLink"/>: the weakest link of at least one chain.</summary>
public sealed record ServiceQualityCell(int ServedDepartmentId, ServiceQualityScore Score, bool WeakestLink);

/// <summary>A serving department, its cells (one per column, in column order) and its score over all its internal customers.</summary>
public sealed record ServiceQualityRow(int ServingDepartmentId, string Name, IReadOnlyList<ServiceQualityCell> Cells, ServiceQualityScore Total);

/// <summary>A chain of departments ending at a front-line department, with its weakest shown link (null: no link of it is shown).</summary>
public sealed record ServiceQualityChain(IReadOnlyList<ServiceQualityDepartment> Departments, int? WeakestFrom, int? WeakestTo, double? WeakestMean);

/// <summary>
/// The serving × served matrix of a survey's internal service quality items, already suppressed. There are no column or
/// grand totals: a respondent rates several serving departments, so a column sum counts ratings, not people, and could
/// stand on fewer than k people while looking large enough.
/// </summary>
public sealed record ServiceQualityView(int SurveyId, int Threshold, bool HasItems, bool AnswersVisible, bool HasExpectations,
    IReadOnlyList<ServiceQualityDepartment> Served, IReadOnlyList<ServiceQualityRow> Rows, IReadOnlyList<ServiceQualityChain> Chains);

/// <summary>Pure arithmetic of the matrix: pooled perception scores and gaps.</summary>
public static class ServiceQualityMath
{
    /// <summary>An answer to a scale item as scored: reverse items already turned round.</summary>
    public readonly record struct Rating(int Value, int Points);

    /// <summary>Pooled mean and % favourable (0..100) of perception answers; null when there are none.</summary>
    public static (double Mean, double Favourable)? Perception(IReadOnlyCollection<Rating> ratings)
    {
        if (ratings.Count == 0)
        {
            return null;
        }
        var favourable = ratings.Count(r => r.Value > r.Points - (r.Points == 5 ? 2 : 3));
        return (ratings.Average(r => r.Value), 100.0 * favourable / ratings.Count);
    }

    /// <summary>
    /// Which cells of one serving department's row, and whether its total over all its internal customers, may be shown.
    /// Columns are departments, so a row's cells split its people into disjoint groups and the total is their sum: a cell
    /// shows from k people, and the total only when the cells hidden beside it hold 0 or at least k people together
    /// (<see cref="AnonymityGuard.MayShowWithin"/>), so "total minus the cells you see" never isolates a small group. Hiding
    /// the total rather than a neighbouring cell keeps the links (and the weakest link) visible. Nothing is published
    /// across rows (no column or grand totals), so rows are independent.
    /// </summary>
    public static (bool[] Cells, bool Total) RowVisibility(IReadOnlyList<int> counts, int k)
    {
        var cells = counts.Select(c => AnonymityGuard.MayShow(c, k)).ToArray();
        var total = counts.Sum();
        var shown = counts.Where((_, i) => cells[i]).Sum();
        return (cells, AnonymityGuard.MayShow(total, k) && (shown == 0 || AnonymityGuard.MayShowWithin(shown, total, k)));
    }

    /// <summary>Gap = pooled perception mean − pooled expectation mean (negative: the service falls short of what is expected).</summary>
    public static double? Gap(IReadOnlyCollection<Rating> perception, IReadOnlyCollection<Rating> expectation) =>
        perception.Count == 0 || expectation.Count == 0 ? null : perception.Average(r => r.Value) - expectation.Average(r => r.Value);
}

/// <summary>
/// Computes the service-quality matrix with the anonymity rule: cells are people of a served department (the launch
/// snapshot) rating a serving department; which cells and row totals show is decided by
/// <see cref="ServiceQualityMath.RowVisibility"/> over those counts (complementary suppression against the row total), gaps
/// the same way over the people who gave expectations. HR sees everything; a manager the rows and columns of the departments in their subtree.
/// </summary>
public sealed class ServiceQualityResults(InwardDbContext db, SurveyResults results, TimeProvider clock)
{
    private sealed record Item(int Id, int About, bool IsExpectation, int Points, bool Reverse);

    public async Task<(ResultsAccess Access, ServiceQualityView? View)> ForAsync(int surveyId, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
        {
            return (ResultsAccess.NotFound, null);
        }
        var (access, root) = await results.RootAsync(user, ct);
        return access != ResultsAccess.Allowed ? (access, null) : (ResultsAccess.Allowed, await ComputeAsync(survey, root, ct));
    }

    /// <summary>The matrix as seen from <paramref name="root"/> (null: the whole company), with no check of who asks.</summary>
    public async Task<ServiceQualityView> ComputeAsync(Survey survey, int? root, CancellationToken ct)
    {
        var k = await results.ThresholdAsync(ct);
        var items = (await db.Set<SurveyQuestion>().AsNoTracking()
                .Where(q => q.SurveyId == survey.Id && q.AboutDepartmentId != null && (q.Kind == QuestionKind.Likert5 || q.Kind == QuestionKind.Likert7))
                .Select(q => new { q.Id, q.AboutDepartmentId, q.IsExpectation, q.Kind, q.Reverse }).ToListAsync(ct))
            .Select(q => new Item(q.Id, q.AboutDepartmentId!.Value, q.IsExpectation, q.Kind == QuestionKind.Likert5 ? 5 : 7, q.Reverse)).ToList();
        var answersVisible = survey.Status == SurveyStatus.Closed || (survey.ClosesUtc is { } closes && closes <= clock.GetUtcNow().UtcDateTime);
        if (items.Count == 0)
        {
            return new(survey.Id, k, false, answersVisible, false, [], [], []);
        }
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name, d.ParentId }).ToListAsync(ct);
        var names = departments.ToDictionary(d => d.Id, d => d.Name);
        var tree = new Audiences.DepartmentTree(departments.Select(d => (d.Id, d.ParentId)));
        var inScope = root is { } r0 ? departments.Select(d => d.Id).Where(d => tree.IsWithin(d, r0)).ToHashSet() : null;

        // The map as it was at launch, so a later change to it leaves the matrix and its chains as they were.
        var links = await ServiceMapSnapshot.LinksAsync(db, survey.Id, ct);
        var invited = await db.Set<SurveyMember>().AsNoTracking().Where(m => m.SurveyId == survey.Id && m.DepartmentId != null)
            .Select(m => m.DepartmentId!.Value).Distinct().ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var answers = await (from a in db.Set<SurveyAnswer>().AsNoTracking()
                             join resp in db.Set<SurveyResponse>().AsNoTracking() on a.ResponseId equals resp.Id
                             where resp.SurveyId == survey.Id && itemIds.Contains(a.QuestionId) && a.Value != null && resp.DepartmentId != null
                             select new { a.ResponseId, a.QuestionId, Value = a.Value!.Value, Department = resp.DepartmentId!.Value }).ToListAsync(ct);
        var itemById = items.ToDictionary(i => i.Id);

        var serving = items.Select(i => i.About).Distinct().Where(names.ContainsKey).OrderBy(d => names[d], StringComparer.CurrentCulture).ToList();
        var served = invited.Where(d => serving.Any(s => links.Contains(new(s, d)))).Concat(answers.Select(a => a.Department)).Distinct()
            .Where(names.ContainsKey).OrderBy(d => names[d], StringComparer.CurrentCulture).ToList();
        var rowIndex = serving.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var colIndex = served.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);

        // Per cell: the ratings and the people behind them, perception and expectation apart.
        var perception = new List<ServiceQualityMath.Rating>[serving.Count, served.Count];
        var expectation = new List<ServiceQualityMath.Rating>[serving.Count, served.Count];
        var people = new HashSet<Guid>[serving.Count, served.Count];
        var expectingPeople = new HashSet<Guid>[serving.Count, served.Count];
        for (var r = 0; r < serving.Count; r++)
        {
            for (var c = 0; c < served.Count; c++)
            {
                (perception[r, c], expectation[r, c], people[r, c], expectingPeople[r, c]) = ([], [], [], []);
            }
        }
        foreach (var a in answers)
        {
            var item = itemById[a.QuestionId];
            if (!rowIndex.TryGetValue(item.About, out var r) || !colIndex.TryGetValue(a.Department, out var c))
            {
                continue;
            }
            var rating = new ServiceQualityMath.Rating(item.Reverse ? SurveyStatistics.Reverse(a.Value, item.Points) : a.Value, item.Points);
            (item.IsExpectation ? expectation[r, c] : perception[r, c]).Add(rating);
            (item.IsExpectation ? expectingPeople[r, c] : people[r, c]).Add(a.ResponseId);
        }
        var counts = new int[serving.Count, served.Count];
        var expectationCounts = new int[serving.Count, served.Count];
        for (var r = 0; r < serving.Count; r++)
        {
            for (var c = 0; c < served.Count; c++)
            {
                counts[r, c] = people[r, c].Count;
                expectationCounts[r, c] = expectingPeople[r, c].Count;
            }
        }
        var visible = Enumerable.Range(0, serving.Count)
            .Select(r => ServiceQualityMath.RowVisibility([.. Enumerable.Range(0, served.Count).Select(c => counts[r, c])], k)).ToList();
        var gapsVisible = Enumerable.Range(0, serving.Count)
            .Select(r => ServiceQualityMath.RowVisibility([.. Enumerable.Range(0, served.Count).Select(c => expectationCounts[r, c])], k)).ToList();

        bool RowIn(int r) => inScope is null || inScope.Contains(serving[r]);
        bool ColIn(int c) => inScope is null || inScope.Contains(served[c]);
        ServiceQualityScore Score(bool isShown, bool gapShown, IEnumerable<(int R, int C)> cells)
        {
            var list = cells.ToList();
            if (!answersVisible)
            {
                return new(ServiceQualityState.NotYetClosed, null, null, null, null, null);
            }
            if (!isShown)
            {
                return new(ServiceQualityState.Suppressed, null, null, null, null, null);
            }
            var p = list.SelectMany(x => perception[x.R, x.C]).ToList();
            var e = gapShown ? list.SelectMany(x => expectation[x.R, x.C]).ToList() : [];
            var (mean, favourable) = ServiceQualityMath.Perception(p)!.Value;
            return new(ServiceQualityState.Shown, list.Sum(x => counts[x.R, x.C]), mean, favourable, SurveyStatistics.Band(favourable).ToString(),
                ServiceQualityMath.Gap(p, e));
        }

        var scores = new ServiceQualityScore[serving.Count, served.Count];
        for (var r = 0; r < serving.Count; r++)
        {
            for (var c = 0; c < served.Count; c++)
            {
                scores[r, c] = !links.Contains(new(serving[r], served[c])) && counts[r, c] == 0
                    ? new(ServiceQualityState.NoLink, null, null, null, null, null)
                    : !RowIn(r) && !ColIn(c)
                        ? new(ServiceQualityState.OutsideScope, null, null, null, null, null)
                        : Score(visible[r].Cells[c], gapsVisible[r].Cells[c], [(r, c)]);
            }
        }

        // Chains run along the links this matrix measures; a link's score is its shown mean perception.
        var measured = links.Where(l => rowIndex.ContainsKey(l.From) && colIndex.ContainsKey(l.To)).ToList();
        var frontLine = await FrontLineAsync(ct);
        double? LinkScore(ServiceLink l) => scores[rowIndex[l.From], colIndex[l.To]] is { State: ServiceQualityState.Shown, Mean: { } m } ? m : null;
        var chains = new List<ServiceQualityChain>();
        var weakest = new HashSet<ServiceLink>();
        // Chains of at least three departments: the point is how a fault upstream reaches the front line.
        foreach (var chain in ServiceChains.Find(measured, frontLine, minLength: 3))
        {
            if (ServiceChains.WeakestLink(chain, LinkScore) is { } w)
            {
                weakest.Add(w);
                chains.Add(new([.. chain.Select(d => new ServiceQualityDepartment(d, names[d]))], w.From, w.To, LinkScore(w)));
            }
        }

        var rows = new List<ServiceQualityRow>();
        for (var r = 0; r < serving.Count; r++)
        {
            var row = r;
            var cells = served.Select((d, c) => new ServiceQualityCell(d, scores[row, c], weakest.Contains(new(serving[row], d)))).ToList();
            var total = RowIn(r)
                ? Score(visible[r].Total, gapsVisible[r].Total, Enumerable.Range(0, served.Count).Select(c => (row, c)))
                : new(ServiceQualityState.OutsideScope, null, null, null, null, null);
            if (cells.Any(x => x.Score.State is not (ServiceQualityState.OutsideScope or ServiceQualityState.NoLink)))
            {
                rows.Add(new(serving[r], names[serving[r]], cells, total));
            }
        }
        var columns = served.Select((d, c) => (d, c)).Where(x => rows.Any(row => row.Cells[x.c].Score.State is not (ServiceQualityState.OutsideScope or ServiceQualityState.NoLink)))
            .ToList();
        var keep = columns.Select(x => x.c).ToHashSet();
        rows = [.. rows.Select(row => row with { Cells = [.. row.Cells.Where((_, c) => keep.Contains(c))] })];
        return new(survey.Id, k, true, answersVisible, items.Any(i => i.IsExpectation),
            [.. columns.Select(x => new ServiceQualityDepartment(x.d, names[x.d]))], rows,
            [.. chains.OrderBy(ch => ch.WeakestMean).ThenBy(ch => string.Join(" ", ch.Departments.Select(d => d.Name)), StringComparer.CurrentCulture)]);
    }

    /// <summary>Departments where at least half of the active people work on the front line (the employee flag).</summary>
    private async Task<IReadOnlySet<int>> FrontLineAsync(CancellationToken ct) =>
        (await db.Employees.AsNoTracking().Where(e => e.IsActive && e.DepartmentId != null).GroupBy(e => e.DepartmentId!.Value)
            .Select(g => new { g.Key, All = g.Count(), Front = g.Count(e => e.IsFrontline) }).ToListAsync(ct))
        .Where(x => x.Front > 0 && 2 * x.Front >= x.All).Select(x => x.Key).ToHashSet();
}
