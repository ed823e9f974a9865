using System.Globalization;
using System.Security.Claims;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening.Pulses;

/// <summary>
/// One closed cycle in the chosen group. <see cref="Shown"/> false: the group had fewer than k responses in this cycle (or
/// showing it would let someone subtract their way to such a group), so every figure is null — counts included.
/// </summary>
public sealed record TrendCycle(int SurveyId, int Number, DateTime? OpensUtc, DateTime? ClosesUtc, bool Shown, int? Responded, int? Invited,
    double? Participation, double? NetPromoter);

/// <summary>A figure of one cycle: % favourable (0..100) and mean on the item's scale, or the eNPS of a 0–10 question; null when hidden.</summary>
public sealed record TrendValue(int SurveyId, double? Favourable, double? Mean, double? NetPromoter);

/// <summary>A dimension or a question across the cycles, one value per cycle in the order of <see cref="SurveyTrendView.Cycles"/>.</summary>
public sealed record TrendLine(string Name, QuestionKind? Kind, IReadOnlyList<TrendValue> Values);

/// <summary>The trend of a pulse series for one group, already suppressed point by point.</summary>
public sealed record SurveyTrendView(int SurveyId, int? SeriesId, string Title, int Threshold, int? DepartmentId, string GroupName,
    IReadOnlyList<TrendCycle> Cycles, IReadOnlyList<TrendLine> Dimensions, IReadOnlyList<TrendLine> Questions, IReadOnlyList<ResultsScopeOption> Groups);

/// <summary>
/// Trends across the closed cycles of a series (a one-off survey is a series of one). Every cycle is computed by
/// <see cref="SurveyResults"/> for the same viewer root and group, so each point passes the anonymity rule — threshold,
/// department-tree differencing and complementary suppression — on its own, with the same access rules as the results.
/// Questions are matched across cycles by their position, which the copies keep.
/// </summary>
public sealed class PulseTrends(InwardDbContext db, SurveyResults results, TimeProvider clock)
{
    public async Task<(ResultsAccess Access, SurveyTrendView? View)> ForAsync(int surveyId, ClaimsPrincipal user, int? departmentId, CultureInfo culture,
        CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
        {
            return (ResultsAccess.NotFound, null);
        }
        var (access, root) = await results.RootAsync(user, ct);
        if (access != ResultsAccess.Allowed)
        {
            return (access, null);
        }
        var seriesId = await db.Set<SurveyCycle>().Where(c => c.SurveyId == surveyId).Select(c => (int?)c.SeriesId).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var members = seriesId is { } series
            ? await (from c in db.Set<SurveyCycle>().AsNoTracking()
                     join s in db.Set<Survey>().AsNoTracking() on c.SurveyId equals s.Id
                     where c.SeriesId == series
                     orderby c.Number
                     select new { Survey = s, c.Number }).ToListAsync(ct)
            : [new { Survey = survey, Number = 1 }];
        var closed = members.Where(m => m.Survey.Status == SurveyStatus.Closed || (m.Survey.Status == SurveyStatus.Open && m.Survey.ClosesUtc <= now)).ToList();

        // The group is checked (unknown → 404, outside the viewer's part → 403) even when no cycle has closed yet.
        var views = new List<(Survey Survey, int Number, SurveyResultsView View)>();
        foreach (var m in closed)
        {
            var (a, view) = await results.ComputeAsync(m.Survey, root, departmentId, culture, ct);
            if (a != ResultsAccess.Allowed)
            {
                return (a, null);
            }
            views.Add((m.Survey, m.Number, view!));
        }
        var (groupAccess, current) = await results.ComputeAsync(survey, root, departmentId, culture, ct);
        if (groupAccess != ResultsAccess.Allowed)
        {
            return (groupAccess, null);
        }

        var cycles = views.Select(v => new TrendCycle(v.Survey.Id, v.Number, v.Survey.OpensUtc, v.Survey.ClosesUtc, v.View.GroupShown,
            v.View.Responded, v.View.GroupShown ? v.View.Invited : null, v.View.Participation,
            v.View.AnswersVisible ? v.View.Questions.FirstOrDefault(q => q.Kind == QuestionKind.Scale0To10)?.NetPromoter?.Score : null)).ToList();

        var dimensionNames = views.SelectMany(v => v.View.DimensionNames).Concat(current!.DimensionNames).Distinct(StringComparer.Ordinal).ToList();
        var dimensions = dimensionNames.Select(name => new TrendLine(name, null, [.. views.Select(v =>
            v.View.Dimensions.FirstOrDefault(d => d.Name == name) is { Suppressed: false } d
                ? new TrendValue(v.Survey.Id, d.Favourable, d.Mean, null)
                : new TrendValue(v.Survey.Id, null, null, null))])).ToList();

        // Questions by position: the latest cycle's wording labels the line.
        var labels = current.Questions.Where(q => SurveyRules.IsLikert(q.Kind) || q.Kind == QuestionKind.Scale0To10).ToList();
        var questions = new List<TrendLine>();
        foreach (var (label, position) in current.Questions.Select((q, i) => (q, i)).Where(x => labels.Contains(x.q)))
        {
            questions.Add(new TrendLine(label.Text, label.Kind, [.. views.Select(v =>
            {
                var q = position < v.View.Questions.Count ? v.View.Questions[position] : null;
                return q is { Suppressed: false } && q.Kind == label.Kind
                    ? new TrendValue(v.Survey.Id, q.Likert is { } l ? 100 * l.Favourable : null, q.Likert?.Mean, q.NetPromoter?.Score)
                    : new TrendValue(v.Survey.Id, null, null, null);
            })]));
        }

        // The groups on offer: those shown in at least one cycle (as the results page offers the shown ones), latest first.
        var groups = new List<ResultsScopeOption>();
        foreach (var g in views.AsEnumerable().Reverse().Select(v => v.View).Append(current).SelectMany(v => v.Groups))
        {
            if (groups.All(x => x.DepartmentId != g.DepartmentId))
            {
                groups.Add(g);
            }
        }
        return (ResultsAccess.Allowed, new SurveyTrendView(survey.Id, seriesId, survey.Title, current.Threshold, current.DepartmentId, current.GroupName,
            cycles, dimensions, questions, groups));
    }
}
