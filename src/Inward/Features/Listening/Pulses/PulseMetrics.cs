using System.Globalization;
using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening.Pulses;

/// <summary>
/// eNPS of the latest closed pulse cycle, and its change since the previous closed cycle of the same series, by department:
/// through <see cref="SurveyResults"/>, so a group below k in a cycle (or one that differencing would expose) has no value.
/// </summary>
internal sealed class PulseMetrics(InwardDbContext db, SurveyResults results, TimeProvider clock) : IMetricProvider
{
    public const string NetPromoter = "listening.pulse-enps";
    public const string NetPromoterChange = "listening.pulse-enps-change";

    public IEnumerable<MetricDefinition> Definitions =>
    [
        new(NetPromoter, "Pulse eNPS", "eNPS (−100 to +100) of the latest closed cycle of a recurring pulse with a 0–10 recommendation question.",
            MetricUnit.Score, true, "Listening"),
        new(NetPromoterChange, "Pulse eNPS change", "Change in eNPS points from the previous closed cycle of the same pulse to the latest one.",
            MetricUnit.Score, true, "Listening"),
    ];

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        if (key is not (NetPromoter or NetPromoterChange))
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "Not a pulse metric.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = await (from c in db.Set<SurveyCycle>().AsNoTracking()
                            join s in db.Set<Survey>().AsNoTracking() on c.SurveyId equals s.Id
                            where (s.Status == SurveyStatus.Closed || (s.Status == SurveyStatus.Open && s.ClosesUtc <= now))
                                && db.Set<SurveyQuestion>().Any(q => q.SurveyId == s.Id && q.Kind == QuestionKind.Scale0To10)
                            select new { Survey = s, c.SeriesId, c.Number }).ToListAsync(ct);
        var latest = closed.OrderByDescending(x => x.Survey.ClosesUtc).ThenByDescending(x => x.Survey.Id).FirstOrDefault();
        if (latest is null)
        {
            return MetricValue.Unavailable("No pulse cycle has closed yet.");
        }
        var (current, reason) = await ScoreAsync(latest.Survey, scope, ct);
        if (current is not { } score)
        {
            return MetricValue.Unavailable(reason!);
        }
        if (key == NetPromoter)
        {
            return MetricValue.Of((decimal)score);
        }
        var previous = closed.Where(x => x.SeriesId == latest.SeriesId && x.Number < latest.Number).MaxBy(x => x.Number);
        if (previous is null)
        {
            return MetricValue.Unavailable("The pulse has only one closed cycle so far.");
        }
        var (before, why) = await ScoreAsync(previous.Survey, scope, ct);
        return before is { } b ? MetricValue.Of((decimal)(score - b)) : MetricValue.Unavailable(why!);
    }

    private async Task<(double? Score, string? Reason)> ScoreAsync(Survey survey, MetricScope scope, CancellationToken ct)
    {
        var (access, view) = await results.ComputeAsync(survey, null, scope.DepartmentId, CultureInfo.InvariantCulture, ct);
        if (access != ResultsAccess.Allowed || view is null)
        {
            return (null, "No such department.");
        }
        return view.GroupShown && view.Questions.FirstOrDefault(q => q.Kind == QuestionKind.Scale0To10)?.NetPromoter is { } n
            ? (n.Score, null)
            : (null, "Fewer responses than the anonymity threshold.");
    }
}
