using System.Globalization;
using System.Security.Claims;
using Inward.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening.Pulses;

/// <summary>A figure in this cycle and the previous one, and the change in points.</summary>
public sealed record CycleChange(string Name, double Previous, double Current)
{
    public double Delta => Current - Previous;
}

/// <summary>Changes since the previous closed cycle, for the figures shown in both (nothing else is listed).</summary>
public sealed record CycleComparisonView(int PreviousSurveyId, int PreviousNumber, int Number, DateTime? PreviousOpensUtc, CycleChange? NetPromoter,
    IReadOnlyList<CycleChange> Dimensions);

/// <summary>
/// Compares a cycle's results with the previous closed cycle of its series, for the same viewer and group. A change is
/// given only when both figures are shown under the anonymity rule in their own cycle; a change between two shown
/// figures reveals nothing that the two results pages do not already show.
/// </summary>
public sealed class CycleComparison(InwardDbContext db, SurveyResults results, TimeProvider clock)
{
    public Task<bool> IsCycleAsync(int surveyId, CancellationToken ct) => db.Set<SurveyCycle>().AnyAsync(c => c.SurveyId == surveyId, ct);

    public async Task<CycleComparisonView?> CompareAsync(SurveyResultsView current, ClaimsPrincipal user, CultureInfo culture, CancellationToken ct)
    {
        if (!current.AnswersVisible)
        {
            return null;
        }
        var cycle = await db.Set<SurveyCycle>().AsNoTracking().SingleOrDefaultAsync(c => c.SurveyId == current.SurveyId, ct);
        if (cycle is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await (from c in db.Set<SurveyCycle>().AsNoTracking()
                              join s in db.Set<Survey>().AsNoTracking() on c.SurveyId equals s.Id
                              where c.SeriesId == cycle.SeriesId && c.Number < cycle.Number
                                  && (s.Status == SurveyStatus.Closed || (s.Status == SurveyStatus.Open && s.ClosesUtc <= now))
                              orderby c.Number descending
                              select new { Survey = s, c.Number }).FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return null;
        }
        var (access, root) = await results.RootAsync(user, ct);
        if (access != ResultsAccess.Allowed)
        {
            return null;
        }
        var (a, before) = await results.ComputeAsync(previous.Survey, root, current.DepartmentId, culture, ct);
        if (a != ResultsAccess.Allowed || before is not { AnswersVisible: true })
        {
            return null;
        }
        static double? Nps(SurveyResultsView v) => v.Questions.FirstOrDefault(q => q.Kind == QuestionKind.Scale0To10)?.NetPromoter?.Score;
        var nps = Nps(before) is { } p && Nps(current) is { } c2 ? new CycleChange("eNPS", p, c2) : null;
        var dimensions = current.Dimensions
            .Where(d => d is { Suppressed: false, Favourable: not null })
            .Select(d => (d, b: before.Dimensions.FirstOrDefault(x => x.Name == d.Name)))
            .Where(x => x.b is { Suppressed: false, Favourable: not null })
            .Select(x => new CycleChange(x.d.Name, x.b!.Favourable!.Value, x.d.Favourable!.Value)).ToList();
        return nps is null && dimensions.Count == 0
            ? null
            : new CycleComparisonView(previous.Survey.Id, previous.Number, cycle.Number, previous.Survey.OpensUtc, nps, dimensions);
    }
}

/// <summary>The card on a cycle's results page: the link to the series' trends and, when there is one, the comparison.</summary>
public sealed record CycleComparisonSectionModel(int SurveyId, int? DepartmentId, CycleComparisonView? Comparison);

/// <summary>The "since the previous cycle" card on a cycle's results page; nothing for one-off surveys or when nothing can be compared.</summary>
public sealed class CycleComparisonSection(CycleComparison comparison) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(SurveyResultsView view)
    {
        if (!await comparison.IsCycleAsync(view.SurveyId, HttpContext.RequestAborted))
        {
            return Content("");
        }
        var model = await comparison.CompareAsync(view, HttpContext.User, CultureInfo.CurrentUICulture, HttpContext.RequestAborted);
        return View("/Features/Listening/Pulses/_CycleComparison.cshtml", new CycleComparisonSectionModel(view.SurveyId, view.DepartmentId, model));
    }
}
