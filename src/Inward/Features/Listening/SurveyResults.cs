using System.Globalization;
using System.Security.Claims;
using Inward.Features.People;
using Inward.Features.Settings;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Inward.Features.Listening;

/// <summary>One option of a choice or ranking question: how many chose it (ranking: placed it in their top three) and the share.</summary>
public sealed record OptionShare(string Option, int Count, double Share);

/// <summary>
/// One question's results in the chosen group. <see cref="Suppressed"/>: fewer than k answered it, so everything else is null.
/// </summary>
public sealed record QuestionResult(int Id, string Text, QuestionKind Kind, string? Dimension, bool Reverse, bool Suppressed, int? N,
    LikertSummary? Likert, NetPromoterResult? NetPromoter, IReadOnlyList<OptionShare>? Options);

/// <summary>An item of a dimension and its corrected item-total correlation.</summary>
public sealed record ItemTotal(int QuestionId, string Text, double? Correlation, bool Weak);

/// <summary>A dimension's results: mean on its scale, % favourable (0..100), Cronbach's α with its flags.</summary>
public sealed record DimensionResult(string Name, bool Suppressed, int? N, double? Mean, double? Favourable, double? Alpha, bool AlphaLow,
    bool AlphaRedundant, IReadOnlyList<ItemTotal> Items);

/// <summary>A heatmap cell: % favourable of a dimension in a department and its colour band (Low, Middle, High); null when hidden.</summary>
public sealed record HeatmapCell(string Dimension, double? Favourable, string? Band);

/// <summary>
/// A department (with its sub-departments) in the heatmap. <see cref="Shown"/> false: fewer than k responses, or showing it
/// would let someone subtract their way to such a group; then only the invited count (not anonymous data) is given.
/// </summary>
public sealed record HeatmapRow(int? DepartmentId, string Name, int Depth, int Invited, bool Shown, int? Responded, double? Participation,
    bool ParticipationLow, double? NetPromoter, IReadOnlyList<HeatmapCell> Cells);

/// <summary>The free-text answers to one question, in random order and with nothing else.</summary>
public sealed record CommentList(int QuestionId, string Question, IReadOnlyList<string> Comments);

/// <summary>A group the viewer may choose.</summary>
public sealed record ResultsScopeOption(int? DepartmentId, string Name, int Depth);

/// <summary>
/// The results as every surface (page, API, CSV) shows them: already suppressed. <see cref="AnswersVisible"/> is false
/// until the survey closes (no before/after comparison around one submission) or when the group is below k.
/// </summary>
public sealed record SurveyResultsView(int SurveyId, string Title, bool IsAnonymous, SurveyStatus Status, int Threshold, int? DepartmentId,
    string GroupName, int Invited, bool GroupShown, int? Responded, double? Participation, bool ParticipationLow, bool AnswersVisible,
    IReadOnlyList<QuestionResult> Questions, IReadOnlyList<DimensionResult> Dimensions, IReadOnlyList<string> DimensionNames,
    IReadOnlyList<HeatmapRow> Heatmap, IReadOnlyList<CommentList> Comments, IReadOnlyList<ResultsScopeOption> Groups)
{
    /// <summary>The location and tenure band the group is narrowed to (null: the whole department).</summary>
    public ResultFilter? Filter { get; init; }

    /// <summary>The name of the filter's location (null without one).</summary>
    public string? FilterLocationName { get; init; }

    /// <summary>The whole company beside this group's questions and dimensions, where both are shown (<see cref="CompanyComparison"/>).</summary>
    public IReadOnlyList<CompanyComparison> Comparisons { get; init; } = [];
}

public enum ResultsAccess
{
    Allowed,
    NotFound,
    Forbidden,
    /// <summary>The filter may not be shown for this group; deliberately one answer whether the group is small, empty or protected.</summary>
    FilterRefused,
}

/// <summary>
/// Survey results with the anonymity rule applied before anything leaves: k from company settings (read on every
/// request, so a change applies at once), groups from the department snapshot taken at launch, the department tree
/// through <see cref="AnonymityGuard.Tree{TKey}"/> (differencing and complementary suppression), questions and cells
/// answered by fewer than k hidden. HR and admins (ManageSurveys) see every group; a manager sees their own department
/// and what lies below it; nobody else sees results.
/// </summary>
public sealed class SurveyResults(InwardDbContext db, SurveyResponding forms, TimeProvider clock, IMemoryCache cache, IConfiguration configuration)
{
    private const int CompanyNode = 0;

    /// <summary>The department a viewer's results start from: null for the whole company, or their own department.</summary>
    public async Task<(ResultsAccess Access, int? Root)> RootAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Has(Capability.ManageSurveys))
        {
            return (ResultsAccess.Allowed, null);
        }
        if (user.Has(Capability.SeeTeam) && PeopleQueries.EmployeeIdOf(user) is { } me
            && await db.Employees.Where(e => e.Id == me).Select(e => e.DepartmentId).SingleOrDefaultAsync(ct) is { } department)
        {
            return (ResultsAccess.Allowed, department);
        }
        return (ResultsAccess.Forbidden, null);
    }

    public async Task<int> ThresholdAsync(CancellationToken ct) =>
        AnonymityGuard.Effective(await db.CompanySettings.AsNoTracking().Select(s => (int?)s.AnonymityThreshold).SingleOrDefaultAsync(ct)
            ?? CompanySettings.DefaultAnonymityThreshold);

    /// <summary>The results of <paramref name="surveyId"/> for <paramref name="departmentId"/> (null: the viewer's own root).</summary>
    public Task<(ResultsAccess Access, SurveyResultsView? View)> ForAsync(int surveyId, ClaimsPrincipal user, int? departmentId, CultureInfo culture,
        CancellationToken ct) => ForAsync(surveyId, user, departmentId, null, culture, ct);

    /// <summary>As above, narrowed by <paramref name="filter"/> (location, tenure band) when it is allowed (<see cref="FilterGuard"/>).</summary>
    public async Task<(ResultsAccess Access, SurveyResultsView? View)> ForAsync(int surveyId, ClaimsPrincipal user, int? departmentId, ResultFilter? filter,
        CultureInfo culture, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
        {
            return (ResultsAccess.NotFound, null);
        }
        var (access, root) = await RootAsync(user, ct);
        if (access != ResultsAccess.Allowed)
        {
            return (access, null);
        }
        return await ComputeAsync(survey, root, departmentId, filter, culture, ct);
    }

    /// <summary>
    /// The results below <paramref name="root"/> (null: the company) for <paramref name="departmentId"/> (null: the root), with no
    /// check of who asks: callers decide that (pages and API through <see cref="ForAsync(int, ClaimsPrincipal, int?, CultureInfo, CancellationToken)"/>,
    /// metrics for the plan's KPIs).
    /// </summary>
    public Task<(ResultsAccess Access, SurveyResultsView? View)> ComputeAsync(Survey survey, int? root, int? departmentId, CultureInfo culture,
        CancellationToken ct) => ComputeAsync(survey, root, departmentId, null, culture, ct);

    /// <summary>
    /// As above with a filter. A filter that <see cref="FilterGuard"/> does not allow for the group gives
    /// <see cref="ResultsAccess.FilterRefused"/> and nothing else, whether the filtered group is small, empty or protected for
    /// another group's sake.
    /// </summary>
    public async Task<(ResultsAccess Access, SurveyResultsView? View)> ComputeAsync(Survey survey, int? root, int? departmentId, ResultFilter? filter,
        CultureInfo culture, CancellationToken ct)
    {
        var surveyId = survey.Id;
        filter = filter is { IsEmpty: false } ? filter : null;
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name, d.ParentId }).ToListAsync(ct);
        var known = departments.Select(d => d.Id).ToHashSet();
        var parentOf = departments.ToDictionary(d => d.Id, d => d.ParentId is { } p && known.Contains(p) ? p : CompanyNode);
        var children = departments.GroupBy(d => parentOf[d.Id]).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.OrderBy(d => d.Name).Select(d => d.Id)]);
        var names = departments.ToDictionary(d => d.Id, d => d.Name);
        IReadOnlyList<int> Kids(int node) => children.GetValueOrDefault(node) ?? [];
        bool Within(int node, int ancestor)
        {
            // Bounded by the number of departments, so a loop in the parent links cannot make this spin.
            for (int current = node, steps = 0; steps <= parentOf.Count; current = parentOf[current], steps++)
            {
                if (current == ancestor)
                {
                    return true;
                }
                if (current == CompanyNode)
                {
                    return false;
                }
            }
            return false;
        }

        var rootNode = root ?? CompanyNode;
        var node = departmentId ?? rootNode;
        if (node != CompanyNode && !known.Contains(node))
        {
            return (ResultsAccess.NotFound, null);
        }
        if (!Within(node, rootNode))
        {
            return (ResultsAccess.Forbidden, null);
        }

        var k = await ThresholdAsync(ct);
        var form = await forms.FormAsync(surveyId, ct);
        // Items rating a serving department appear only in the service-quality matrix, which suppresses its cells as one table.
        var questions = form!.Questions.Where(q => q.AboutDepartmentId is null).ToList();
        var answersVisible = survey.Status == SurveyStatus.Closed || (survey.ClosesUtc is { } closes && closes <= clock.GetUtcNow().UtcDateTime);
        var invitedRows = await db.Set<SurveyMember>().AsNoTracking().Where(m => m.SurveyId == surveyId)
            .GroupBy(m => new { m.DepartmentId, m.LocationId, m.TenureBand }).Select(g => new { g.Key.DepartmentId, g.Key.LocationId, g.Key.TenureBand, Count = g.Count() })
            .ToListAsync(ct);
        // A closed survey never takes another answer (closing is final), so its arrays are kept a while: every later view,
        // filter and export of it reads them instead of 300,000 rows. Open surveys are always read afresh.
        // Surveys:ResultsCacheMinutes = 0 turns the cache off (small servers short of memory; the benchmark's uncached run).
        // Only once nothing is pending: the batch writer (docs/adr/0018) still gives a just-closed survey's last responses new
        // ids, which would leave cached ids matching no comment row; after that batch the rows never change again.
        var cacheMinutes = configuration.GetValue("Surveys:ResultsCacheMinutes", 10);
        var data = survey.Status == SurveyStatus.Closed && cacheMinutes > 0
            && !await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == surveyId && r.Pending, ct)
            ? (await cache.GetOrCreateAsync(("survey-results-data", surveyId), entry =>
            {
                entry.SlidingExpiration = TimeSpan.FromMinutes(cacheMinutes);
                return SurveyResultData.LoadAsync(db, surveyId, questions, true, ct);
            }))!
            : await SurveyResultData.LoadAsync(db, surveyId, questions, answersVisible, ct);
        int NodeOf(int? d) => d is { } x && known.Contains(x) ? x : CompanyNode;

        // Departments in pre-order, and every respondent listed under each department above it (a group's members at hand).
        var order = new List<int>();
        var depthOf = new Dictionary<int, int>();
        void Walk(int n, int depth)
        {
            order.Add(n);
            depthOf[n] = depth;
            foreach (var kid in Kids(n))
            {
                Walk(kid, depth + 1);
            }
        }
        Walk(CompanyNode, 0);
        var members = order.ToDictionary(n => n, _ => new List<int>());
        var direct = new Dictionary<int, int>();
        for (var i = 0; i < data.Count; i++)
        {
            var n = NodeOf(data.DepartmentIds[i]);
            direct[n] = direct.GetValueOrDefault(n) + 1;
            for (int current = n, steps = 0; steps <= parentOf.Count; current = parentOf[current], steps++)
            {
                members[current].Add(i);
                if (current == CompanyNode)
                {
                    break;
                }
            }
        }
        var shown = AnonymityGuard.Tree(CompanyNode, Kids, n => members[n].Count, n => direct.GetValueOrDefault(n), k);

        bool Matches(int? location, TenureBand? band) =>
            filter is null || ((filter.LocationId is null || location == filter.LocationId) && (filter.Tenure is null || band == filter.Tenure));
        Func<int, bool> visible = shown.Contains;
        var dimensionNames = questions.Where(q => SurveyRules.IsLikert(q.Kind) && q.Dimension is not null).Select(q => q.Dimension!).Distinct().ToList();
        var itemsOf = dimensionNames.ToDictionary(d => d, d => (IReadOnlyList<SurveyQuestion>)[.. questions.Where(q => q.Dimension == d && SurveyRules.IsLikert(q.Kind))]);
        // Figures of a filtered group: each question (counted over who answered it), then each dimension (who answered any item).
        Func<int, int, bool> figureShown = (_, _) => true;
        if (filter is not null)
        {
            FilterDecision Decide() => new(order, CompanyNode, parentOf, shown, data, NodeOf, k, Answering(data, questions, [.. dimensionNames.Select(d => itemsOf[d])]));
            // Like its arrays, a closed survey's decision cannot go stale while k, the department tree (its order too) and the
            // departments shown stay as they were (all in the key), so every filter of it shares one decision.
            var tree = string.Join(',', order.Select(n => $"{n}<{parentOf.GetValueOrDefault(n)}{(shown.Contains(n) ? "+" : "")}"));
            var decision = survey.Status == SurveyStatus.Closed && cacheMinutes > 0
                ? cache.GetOrCreate(("survey-filter-decision", surveyId, k, tree), entry =>
                {
                    entry.SlidingExpiration = TimeSpan.FromMinutes(cacheMinutes);
                    return Decide();
                })!
                : Decide();
            visible = n => decision.Group(filter, n);
            figureShown = (n, figure) => decision.Figure(filter, n, figure);
            if (!visible(node))
            {
                return (ResultsAccess.FilterRefused, null);
            }
        }
        bool QuestionShown(int n, SurveyQuestion q) => figureShown(n, questions.IndexOf(q));
        bool DimensionShown(int n, string d) => figureShown(n, questions.Count + dimensionNames.IndexOf(d));
        List<int> GroupOf(int n) => filter is null ? members[n] : [.. members[n].Where(i => Matches(data.LocationIds[i], data.Bands[i]))];
        int InvitedIn(int n) => invitedRows.Where(r => Within(NodeOf(r.DepartmentId), n) && Matches(r.LocationId, r.TenureBand)).Sum(r => r.Count);
        var groupShown = visible(node);
        var group = GroupOf(node);

        string NameOf(int n) => n == CompanyNode ? "Whole company" : names[n];
        var groups = new List<ResultsScopeOption>();
        foreach (var n in order.Where(n => Within(n, rootNode) && shown.Contains(n)))
        {
            groups.Add(new(n == CompanyNode ? null : n, NameOf(n), depthOf[n] - depthOf[rootNode]));
        }

        var questionResults = new List<QuestionResult>();
        var dimensionResults = new List<DimensionResult>();
        var comments = new List<CommentList>();
        if (answersVisible && groupShown)
        {
            questionResults.AddRange(questions.Select(q => QuestionShown(node, q) ? Summarise(q, data, group, InvitedIn(node), k, culture) : Hidden(q, culture)));
            dimensionResults.AddRange(dimensionNames.Select(d => DimensionShown(node, d) ? Dimension(d, itemsOf[d], data, group, k, culture) : HiddenDimension(d)));
            // Comment lists only for whole departments: the same sentences in a filtered and an unfiltered list would
            // let a reader tell which comments come from the rest of the department.
            var freeText = questions.Where(q => q.Kind == QuestionKind.FreeText && group.Count(i => data.Present[q.Id][i]) >= k).ToList();
            if (filter is null && freeText.Count > 0)
            {
                var texts = await data.TextsAsync(db, surveyId, [.. freeText.Select(q => q.Id)], ct);
                foreach (var q in freeText)
                {
                    var written = group.Select(i => texts[q.Id][i]).OfType<string>().ToList();
                    if (written.Count >= k)
                    {
                        comments.Add(new(q.Id, Text(q, culture), [.. written.OrderBy(_ => Random.Shared.Next())]));
                    }
                }
            }
        }
        else
        {
            questionResults.AddRange(questions.Select(q => Hidden(q, culture)));
        }

        var heatmap = new List<HeatmapRow>();
        var npsQuestion = questions.FirstOrDefault(q => q.Kind == QuestionKind.Scale0To10);
        foreach (var n in order.Where(n => Within(n, node)))
        {
            var invited = InvitedIn(n);
            var depth = depthOf[n] - depthOf[node];
            if (!visible(n))
            {
                heatmap.Add(new(n == CompanyNode ? null : n, NameOf(n), depth, invited, false, null, null, false, null, []));
                continue;
            }
            var set = GroupOf(n);
            var (rate, low) = SurveyStatistics.Participation(Math.Min(set.Count, invited), invited);
            var cells = new List<HeatmapCell>();
            double? nps = null;
            if (answersVisible && groupShown)
            {
                foreach (var dimension in dimensionNames)
                {
                    var (favourable, respondents) = Pooled(itemsOf[dimension], data, set);
                    cells.Add(respondents >= k && favourable is { } f && DimensionShown(n, dimension)
                        ? new(dimension, 100 * f, SurveyStatistics.Band(100 * f).ToString()) : new(dimension, null, null));
                }
                if (npsQuestion is not null && QuestionShown(n, npsQuestion))
                {
                    var values = ValuesOf(data, npsQuestion.Id, set).ToList();
                    nps = values.Count >= k ? SurveyStatistics.NetPromoter(values).Score : null;
                }
            }
            heatmap.Add(new(n == CompanyNode ? null : n, NameOf(n), depth, invited, true, set.Count, 100 * rate, low, nps, cells));
        }

        // The whole company beside a department or a filtered group, where both figures are shown.
        var comparisons = new List<CompanyComparison>();
        if (answersVisible && groupShown && (node != CompanyNode || filter is not null) && shown.Contains(CompanyNode))
        {
            var company = members[CompanyNode];
            foreach (var (q, mine) in questions.Zip(questionResults))
            {
                var theirs = Summarise(q, data, company, InvitedIn(CompanyNode), k, culture);
                if (Headline(mine) is { } a && Headline(theirs) is { } c)
                {
                    comparisons.Add(new(q.Id, null, a, c, a - c));
                }
            }
            foreach (var mine in dimensionResults)
            {
                var theirs = Dimension(mine.Name, itemsOf[mine.Name], data, company, k, culture);
                if (mine.Favourable is { } a && !mine.Suppressed && theirs.Favourable is { } c && !theirs.Suppressed)
                {
                    comparisons.Add(new(null, mine.Name, a, c, a - c));
                }
            }
        }

        var invitedGroup = InvitedIn(node);
        var (groupRate, groupLow) = groupShown ? SurveyStatistics.Participation(Math.Min(group.Count, invitedGroup), invitedGroup) : (0, false);
        var view = new SurveyResultsView(survey.Id, survey.Title, survey.IsAnonymous, survey.Status, k, node == CompanyNode ? null : node,
            NameOf(node), invitedGroup, groupShown, groupShown ? group.Count : null, groupShown ? 100 * groupRate : null, groupLow,
            answersVisible && groupShown, questionResults, dimensionResults, dimensionNames, heatmap, comments, groups)
        {
            Filter = filter,
            FilterLocationName = filter?.LocationId is { } location ? await db.Locations.Where(l => l.Id == location).Select(l => l.Name).SingleOrDefaultAsync(ct) : null,
            Comparisons = comparisons,
        };
        return (ResultsAccess.Allowed, view);
    }

    /// <summary>
    /// Per figure of a filtered group, who answered it: each question, then each dimension (any of its items). Static, so a
    /// cached <see cref="FilterDecision"/> holds the survey's arrays and nothing of the request.
    /// </summary>
    private static List<Func<int, bool>> Answering(SurveyResultData data, List<SurveyQuestion> questions, List<IReadOnlyList<SurveyQuestion>> dimensions) =>
        [.. questions.Select(q => (Func<int, bool>)(i => data.Present[q.Id][i])),
         .. dimensions.Select(items => (Func<int, bool>)(i => items.Any(q => data.Values[q.Id][i] != SurveyResultData.NoValue)))];

    /// <summary>The figure a question is compared on: % favourable for Likert items, the score for eNPS.</summary>
    private static double? Headline(QuestionResult q) => q.Suppressed ? null : q.Likert is { } l ? 100 * l.Favourable : q.NetPromoter?.Score;

    private static string Text(SurveyQuestion q, CultureInfo culture) => SurveyRules.Localised(q.Text, q.TextAr, q.TextPl, culture);

    private static IEnumerable<int> ValuesOf(SurveyResultData data, int questionId, List<int> group)
    {
        var values = data.Values[questionId];
        foreach (var i in group)
        {
            if (values[i] != SurveyResultData.NoValue)
            {
                yield return values[i];
            }
        }
    }

    /// <summary>A question with nothing shown: fewer than k answered it, or (filtered) its figures could be subtracted to fewer.</summary>
    private static QuestionResult Hidden(SurveyQuestion q, CultureInfo culture) => new(q.Id, Text(q, culture), q.Kind, q.Dimension, q.Reverse, true, null, null, null, null);

    private static DimensionResult HiddenDimension(string name) => new(name, true, null, null, null, null, false, false, []);

    private static QuestionResult Summarise(SurveyQuestion q, SurveyResultData data, List<int> group, int population, int k, CultureInfo culture)
    {
        var text = Text(q, culture);
        var present = data.Present[q.Id];
        var answered = group.Where(i => present[i]).ToList();
        var n = answered.Count;
        if (!AnonymityGuard.MayShow(n, k))
        {
            return Hidden(q, culture);
        }
        switch (q.Kind)
        {
            case QuestionKind.Likert5 or QuestionKind.Likert7:
                return new(q.Id, text, q.Kind, q.Dimension, q.Reverse, false, n,
                    SurveyStatistics.Likert(ValuesOf(data, q.Id, answered), q.Kind == QuestionKind.Likert5 ? 5 : 7, q.Reverse), null, null);
            case QuestionKind.Scale0To10:
                return new(q.Id, text, q.Kind, q.Dimension, q.Reverse, false, n, null,
                    SurveyStatistics.NetPromoter(ValuesOf(data, q.Id, answered), Math.Max(population, n)), null);
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
            {
                var options = SurveyRules.LocalisedOptions(q, culture);
                var chosen = q.Kind == QuestionKind.SingleChoice
                    ? ValuesOf(data, q.Id, answered).ToList()
                    : [.. answered.SelectMany(i => SurveyRules.ParseChoices(data.Choices[q.Id][i]))];
                return new(q.Id, text, q.Kind, q.Dimension, q.Reverse, false, n, null, null,
                    [.. options.Select((o, i) => { var c = chosen.Count(x => x == i); return new OptionShare(o, c, (double)c / n); })]);
            }
            case QuestionKind.Ranking:
            {
                var options = SurveyRules.LocalisedOptions(q, culture);
                var shares = SurveyStatistics.TopShare(answered.Select(i => (IReadOnlyList<string>)[.. SurveyRules.ParseChoices(data.Choices[q.Id][i])
                    .Select(x => x.ToString(CultureInfo.InvariantCulture))]));
                return new(q.Id, text, q.Kind, q.Dimension, q.Reverse, false, n, null, null,
                    [.. options.Select((o, i) =>
                    {
                        var share = shares.GetValueOrDefault(i.ToString(CultureInfo.InvariantCulture));
                        return new OptionShare(o, (int)Math.Round(share * n), share);
                    }).OrderByDescending(o => o.Share)]);
            }
            default:
                // Free text: the count only; the comments themselves are listed apart, without metadata.
                return new(q.Id, text, q.Kind, q.Dimension, q.Reverse, false, n, null, null, null);
        }
    }

    /// <summary>Pooled % favourable (0..1) of a dimension's items within a group, and how many of the group answered any item.</summary>
    private static (double? Favourable, int Respondents) Pooled(IReadOnlyList<SurveyQuestion> items, SurveyResultData data, List<int> group)
    {
        int favourable = 0, total = 0, respondents = 0;
        var columns = items.Select(q => (Values: data.Values[q.Id], Points: q.Kind == QuestionKind.Likert5 ? 5 : 7, q.Reverse)).ToArray();
        foreach (var i in group)
        {
            var any = false;
            foreach (var (values, points, reverse) in columns)
            {
                var v = values[i];
                if (v == SurveyResultData.NoValue)
                {
                    continue;
                }
                any = true;
                total++;
                var scored = reverse ? SurveyStatistics.Reverse(v, points) : v;
                // Favourable: the top two points of 5, the top three of 7 (as SurveyStatistics.Likert counts them).
                if (scored > (points == 5 ? 3 : 4))
                {
                    favourable++;
                }
            }
            if (any)
            {
                respondents++;
            }
        }
        return (total == 0 ? null : (double)favourable / total, respondents);
    }

    private static DimensionResult Dimension(string name, IReadOnlyList<SurveyQuestion> items, SurveyResultData data, List<int> group, int k, CultureInfo culture)
    {
        var columns = items.Select(q => (Values: data.Values[q.Id], Points: q.Kind == QuestionKind.Likert5 ? 5 : 7, q.Reverse)).ToArray();
        var rows = new List<IReadOnlyList<double?>>();
        double sum = 0;
        var count = 0;
        foreach (var i in group)
        {
            var row = new double?[columns.Length];
            var any = false;
            for (var c = 0; c < columns.Length; c++)
            {
                var (values, points, reverse) = columns[c];
                if (values[i] != SurveyResultData.NoValue)
                {
                    var x = reverse ? SurveyStatistics.Reverse(values[i], points) : values[i];
                    row[c] = x;
                    sum += x;
                    count++;
                    any = true;
                }
            }
            if (any)
            {
                rows.Add(row);
            }
        }
        if (!AnonymityGuard.MayShow(rows.Count, k))
        {
            return HiddenDimension(name);
        }
        var (favourable, _) = Pooled(items, data, group);
        var reliability = SurveyStatistics.Cronbach(rows, items.Count);
        return new(name, false, rows.Count, sum / count, 100 * favourable, reliability.Alpha, reliability.IsLow, reliability.HintsRedundancy,
            [.. items.Select((q, i) => new ItemTotal(q.Id, Text(q, culture), reliability.ItemTotal[i], reliability.ItemTotal[i] is < Reliability.ItemTotalFloor))]);
    }
}
