using System.Globalization;
using System.Security.Claims;
using Inward.Features.People;
using Inward.Features.Settings;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;

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
    IReadOnlyList<HeatmapRow> Heatmap, IReadOnlyList<CommentList> Comments, IReadOnlyList<ResultsScopeOption> Groups);

public enum ResultsAccess
{
    Allowed,
    NotFound,
    Forbidden,
}

/// <summary>
/// Survey results with the anonymity rule applied before anything leaves: k from company settings (read on every
/// request, so a change applies at once), groups from the department snapshot taken at launch, the department tree
/// through <see cref="AnonymityGuard.Tree{TKey}"/> (differencing and complementary suppression), questions and cells
/// answered by fewer than k hidden. HR and admins (ManageSurveys) see every group; a manager sees their own department
/// and what lies below it; nobody else sees results.
/// </summary>
public sealed class SurveyResults(InwardDbContext db, SurveyResponding forms, TimeProvider clock)
{
    private const int CompanyNode = 0;

    private sealed record ResponseRow(Guid Id, int? DepartmentId);

    private sealed record AnswerRow(Guid ResponseId, int QuestionId, int? Value, string? Choices, string? Text);

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
    public async Task<(ResultsAccess Access, SurveyResultsView? View)> ForAsync(int surveyId, ClaimsPrincipal user, int? departmentId, CultureInfo culture,
        CancellationToken ct)
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
        return await ComputeAsync(survey, root, departmentId, culture, ct);
    }

    /// <summary>
    /// The results below <paramref name="root"/> (null: the company) for <paramref name="departmentId"/> (null: the root), with no
    /// check of who asks: callers decide that (pages and API through <see cref="ForAsync"/>, metrics for the plan's KPIs).
    /// </summary>
    public async Task<(ResultsAccess Access, SurveyResultsView? View)> ComputeAsync(Survey survey, int? root, int? departmentId, CultureInfo culture,
        CancellationToken ct)
    {
        var surveyId = survey.Id;
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
        var invitedByDepartment = await db.Set<SurveyMember>().AsNoTracking().Where(m => m.SurveyId == surveyId)
            .GroupBy(m => m.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId)
            .Select(r => new ResponseRow(r.Id, r.DepartmentId)).ToListAsync(ct);
        int NodeOf(int? d) => d is { } x && known.Contains(x) ? x : CompanyNode;
        var direct = responses.GroupBy(r => NodeOf(r.DepartmentId)).ToDictionary(g => g.Key, g => g.Count());
        var invitedDirect = invitedByDepartment.GroupBy(i => NodeOf(i.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var subtree = new Dictionary<int, int>();
        var invitedSubtree = new Dictionary<int, int>();
        (int, int) Fill(int n)
        {
            var (r, i) = (direct.GetValueOrDefault(n), invitedDirect.GetValueOrDefault(n));
            foreach (var kid in Kids(n))
            {
                var (kr, ki) = Fill(kid);
                r += kr;
                i += ki;
            }
            subtree[n] = r;
            invitedSubtree[n] = i;
            return (r, i);
        }
        Fill(CompanyNode);
        var shown = AnonymityGuard.Tree(CompanyNode, Kids, n => subtree[n], n => direct.GetValueOrDefault(n), k);

        var form = await forms.FormAsync(surveyId, ct);
        // Items rating a serving department appear only in the service-quality matrix, which suppresses its cells as one table.
        var questions = form!.Questions.Where(q => q.AboutDepartmentId is null).ToList();
        var answersVisible = survey.Status == SurveyStatus.Closed || (survey.ClosesUtc is { } closes && closes <= clock.GetUtcNow().UtcDateTime);
        var groupShown = shown.Contains(node);

        // The rows of the heatmap: the chosen group and every department below it, depth first.
        var rows = new List<(int Node, int Depth)>();
        void Walk(int n, int depth)
        {
            rows.Add((n, depth));
            foreach (var kid in Kids(n))
            {
                Walk(kid, depth + 1);
            }
        }
        Walk(node, 0);
        string NameOf(int n) => n == CompanyNode ? "Whole company" : names[n];
        var groups = new List<ResultsScopeOption>();
        void Options(int n, int depth)
        {
            if (shown.Contains(n))
            {
                groups.Add(new(n == CompanyNode ? null : n, NameOf(n), depth));
            }
            foreach (var kid in Kids(n))
            {
                Options(kid, depth + 1);
            }
        }
        Options(rootNode, 0);

        var dimensionNames = questions.Where(q => SurveyRules.IsLikert(q.Kind) && q.Dimension is not null).Select(q => q.Dimension!).Distinct().ToList();
        Dictionary<Guid, int> responseNode = responses.ToDictionary(r => r.Id, r => NodeOf(r.DepartmentId));
        List<AnswerRow> answers = [];
        if (answersVisible && groupShown)
        {
            answers = await (from a in db.Set<SurveyAnswer>().AsNoTracking()
                             join r in db.Set<SurveyResponse>() on a.ResponseId equals r.Id
                             where r.SurveyId == surveyId
                             select new AnswerRow(a.ResponseId, a.QuestionId, a.Value, a.Choices, a.Text)).ToListAsync(ct);
        }
        var inNode = new Dictionary<int, HashSet<Guid>>();
        HashSet<Guid> ResponsesIn(int n)
        {
            if (!inNode.TryGetValue(n, out var set))
            {
                set = [.. responses.Where(r => Within(responseNode[r.Id], n)).Select(r => r.Id)];
                inNode[n] = set;
            }
            return set;
        }
        var byQuestion = answers.ToLookup(a => a.QuestionId);

        var questionResults = new List<QuestionResult>();
        var dimensionResults = new List<DimensionResult>();
        var comments = new List<CommentList>();
        if (answersVisible && groupShown)
        {
            var group = ResponsesIn(node);
            foreach (var q in questions)
            {
                var mine = byQuestion[q.Id].Where(a => group.Contains(a.ResponseId)).ToList();
                questionResults.Add(Summarise(q, mine, invitedSubtree[node], k, culture));
                if (q.Kind == QuestionKind.FreeText && mine.Count >= k)
                {
                    comments.Add(new(q.Id, Text(q, culture), [.. mine.Select(a => a.Text!).OrderBy(_ => Random.Shared.Next())]));
                }
            }
            foreach (var dimension in dimensionNames)
            {
                dimensionResults.Add(Dimension(dimension, [.. questions.Where(q => q.Dimension == dimension && SurveyRules.IsLikert(q.Kind))], byQuestion, group, k, culture));
            }
        }
        else
        {
            questionResults.AddRange(questions.Select(q => new QuestionResult(q.Id, Text(q, culture), q.Kind, q.Dimension, q.Reverse, true, null, null, null, null)));
        }

        var heatmap = new List<HeatmapRow>();
        var npsQuestion = questions.FirstOrDefault(q => q.Kind == QuestionKind.Scale0To10);
        foreach (var (n, depth) in rows)
        {
            var invited = invitedSubtree[n];
            if (!shown.Contains(n))
            {
                heatmap.Add(new(n == CompanyNode ? null : n, NameOf(n), depth, invited, false, null, null, false, null, []));
                continue;
            }
            var (rate, low) = SurveyStatistics.Participation(Math.Min(subtree[n], invited), invited);
            var cells = new List<HeatmapCell>();
            double? nps = null;
            if (answersVisible && groupShown)
            {
                var set = ResponsesIn(n);
                foreach (var dimension in dimensionNames)
                {
                    var items = questions.Where(q => q.Dimension == dimension && SurveyRules.IsLikert(q.Kind)).ToList();
                    var (favourable, respondents) = Pooled(items, byQuestion, set);
                    cells.Add(respondents >= k && favourable is { } f ? new(dimension, 100 * f, SurveyStatistics.Band(100 * f).ToString()) : new(dimension, null, null));
                }
                if (npsQuestion is not null)
                {
                    var values = byQuestion[npsQuestion.Id].Where(a => set.Contains(a.ResponseId) && a.Value is not null).Select(a => a.Value!.Value).ToList();
                    nps = values.Count >= k ? SurveyStatistics.NetPromoter(values).Score : null;
                }
            }
            heatmap.Add(new(n == CompanyNode ? null : n, NameOf(n), depth, invited, true, subtree[n], 100 * rate, low, nps, cells));
        }

        var (groupRate, groupLow) = groupShown ? SurveyStatistics.Participation(Math.Min(subtree[node], invitedSubtree[node]), invitedSubtree[node]) : (0, false);
        return (ResultsAccess.Allowed, new SurveyResultsView(survey.Id, survey.Title, survey.IsAnonymous, survey.Status, k, node == CompanyNode ? null : node,
            NameOf(node), invitedSubtree[node], groupShown, groupShown ? subtree[node] : null, groupShown ? 100 * groupRate : null, groupLow,
            answersVisible && groupShown, questionResults, dimensionResults, dimensionNames, heatmap, comments, groups));
    }

    private static string Text(SurveyQuestion q, CultureInfo culture) => SurveyRules.Localised(q.Text, q.TextAr, q.TextPl, culture);

    private static QuestionResult Summarise(SurveyQuestion q, List<AnswerRow> answers, int population, int k, CultureInfo culture)
    {
        var text = Text(q, culture);
        var n = answers.Count;
        if (!AnonymityGuard.MayShow(n, k))
        {
            return new(q.Id, text, q.Kind, q.Dimension, q.Reverse, true, null, null, null, null);
        }
        switch (q.Kind)
        {
            case QuestionKind.Likert5 or QuestionKind.Likert7:
                return new(q.Id, text, q.Kind, q.Dimension, q.Reverse, false, n,
                    SurveyStatistics.Likert(answers.Select(a => a.Value!.Value), q.Kind == QuestionKind.Likert5 ? 5 : 7, q.Reverse), null, null);
            case QuestionKind.Scale0To10:
                return new(q.Id, text, q.Kind, q.Dimension, q.Reverse, false, n, null,
                    SurveyStatistics.NetPromoter(answers.Select(a => a.Value!.Value), Math.Max(population, n)), null);
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
            {
                var options = SurveyRules.LocalisedOptions(q, culture);
                var chosen = answers.SelectMany(a => a.Value is { } v ? [v] : SurveyRules.ParseChoices(a.Choices)).ToList();
                return new(q.Id, text, q.Kind, q.Dimension, q.Reverse, false, n, null, null,
                    [.. options.Select((o, i) => { var c = chosen.Count(x => x == i); return new OptionShare(o, c, (double)c / n); })]);
            }
            case QuestionKind.Ranking:
            {
                var options = SurveyRules.LocalisedOptions(q, culture);
                var shares = SurveyStatistics.TopShare(answers.Select(a => (IReadOnlyList<string>)[.. SurveyRules.ParseChoices(a.Choices)
                    .Select(i => i.ToString(CultureInfo.InvariantCulture))]));
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

    /// <summary>Pooled % favourable (0..1) of a dimension's items within a set of responses, and how many responses answered any item.</summary>
    private static (double? Favourable, int Respondents) Pooled(IReadOnlyList<SurveyQuestion> items, ILookup<int, AnswerRow> byQuestion, HashSet<Guid> set)
    {
        int favourable = 0, total = 0;
        var respondents = new HashSet<Guid>();
        foreach (var q in items)
        {
            var points = q.Kind == QuestionKind.Likert5 ? 5 : 7;
            var values = byQuestion[q.Id].Where(a => set.Contains(a.ResponseId) && a.Value is not null).ToList();
            respondents.UnionWith(values.Select(v => v.ResponseId));
            var summary = SurveyStatistics.Likert(values.Select(v => v.Value!.Value), points, q.Reverse);
            total += summary.N;
            favourable += summary.Counts.TakeLast(points == 5 ? 2 : 3).Sum();
        }
        return (total == 0 ? null : (double)favourable / total, respondents.Count);
    }

    private static DimensionResult Dimension(string name, IReadOnlyList<SurveyQuestion> items, ILookup<int, AnswerRow> byQuestion, HashSet<Guid> group, int k,
        CultureInfo culture)
    {
        var values = items.Select(q => byQuestion[q.Id].Where(a => group.Contains(a.ResponseId) && a.Value is not null)
            .ToDictionary(a => a.ResponseId, a => (double)(q.Reverse ? SurveyStatistics.Reverse(a.Value!.Value, q.Kind == QuestionKind.Likert5 ? 5 : 7) : a.Value!.Value))).ToList();
        var respondents = values.SelectMany(v => v.Keys).Distinct().ToList();
        if (!AnonymityGuard.MayShow(respondents.Count, k))
        {
            return new(name, true, null, null, null, null, false, false, []);
        }
        var all = values.SelectMany(v => v.Values).ToList();
        var (favourable, _) = Pooled(items, byQuestion, group);
        var reliability = SurveyStatistics.Cronbach(respondents.Select(r => (IReadOnlyList<double?>)[.. values.Select(v => v.TryGetValue(r, out var x) ? x : (double?)null)]),
            items.Count);
        return new(name, false, respondents.Count, all.Average(), 100 * favourable, reliability.Alpha, reliability.IsLow, reliability.HintsRedundancy,
            [.. items.Select((q, i) => new ItemTotal(q.Id, Text(q, culture), reliability.ItemTotal[i], reliability.ItemTotal[i] is < Reliability.ItemTotalFloor))]);
    }
}
