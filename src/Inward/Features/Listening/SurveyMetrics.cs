using System.Globalization;
using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>
/// Survey numbers for the plan's KPIs, from the latest survey that has them, through the same suppression as the results
/// page: a group below the anonymity threshold (or one that would allow differencing) has no value.
/// </summary>
internal sealed class SurveyMetrics(InwardDbContext db, SurveyResults results) : IMetricProvider
{
    public const string NetPromoter = "listening.enps";
    public const string Participation = "listening.participation";
    public const string Favourable = "listening.favourable";
    public const string InternalMarketingIndex = "listening.internal-marketing-index";

    public IEnumerable<MetricDefinition> Definitions =>
    [
        new(NetPromoter, "Employee Net Promoter Score", "eNPS (−100 to +100) of the latest closed survey with a 0–10 recommendation question.",
            MetricUnit.Score, true, "Listening"),
        new(Participation, "Survey participation", "Share of the people asked who answered the latest launched survey.", MetricUnit.Percent, true, "Listening"),
        new(Favourable, "Survey dimensions favourable", "Mean % favourable across the dimensions of the latest closed survey with agreement questions.",
            MetricUnit.Percent, true, "Listening"),
        new(InternalMarketingIndex, "Internal Marketing Index", "100 · mean((answer − 1) / 4) over the items of the latest closed Internal Marketing Practices survey.",
            MetricUnit.Score, true, "Listening"),
    ];

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        var surveys = db.Set<Survey>().AsNoTracking();
        IQueryable<Survey> closed = surveys.Where(s => s.Status == SurveyStatus.Closed);
        var survey = key switch
        {
            NetPromoter => await closed.Where(s => db.Set<SurveyQuestion>().Any(q => q.SurveyId == s.Id && q.Kind == QuestionKind.Scale0To10))
                .OrderByDescending(s => s.ClosedUtc).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct),
            Participation => await surveys.Where(s => s.Status != SurveyStatus.Draft).OrderByDescending(s => s.LaunchedUtc).ThenByDescending(s => s.Id)
                .FirstOrDefaultAsync(ct),
            Favourable => await closed.Where(s => db.Set<SurveyQuestion>().Any(q => q.SurveyId == s.Id && q.Dimension != null && q.AboutDepartmentId == null
                    && (q.Kind == QuestionKind.Likert5 || q.Kind == QuestionKind.Likert7)))
                .OrderByDescending(s => s.ClosedUtc).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct),
            InternalMarketingIndex => await closed.Where(s => s.TemplateKey == "internal-marketing")
                .OrderByDescending(s => s.ClosedUtc).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a listening metric."),
        };
        if (survey is null)
        {
            return MetricValue.Unavailable("No survey has measured this yet.");
        }
        var (access, view) = await results.ComputeAsync(survey, null, scope.DepartmentId, CultureInfo.InvariantCulture, ct);
        if (access != ResultsAccess.Allowed || view is null)
        {
            return MetricValue.Unavailable("No such department.");
        }
        if (!view.GroupShown)
        {
            return MetricValue.Unavailable("Fewer responses than the anonymity threshold.");
        }
        if (key == Participation)
        {
            return view.Participation is { } p ? MetricValue.Of((decimal)p) : MetricValue.Unavailable("Nobody was asked.");
        }
        return key switch
        {
            NetPromoter => view.Questions.FirstOrDefault(q => q.Kind == QuestionKind.Scale0To10)?.NetPromoter is { } n
                ? MetricValue.Of((decimal)n.Score) : Hidden(),
            Favourable => view.Dimensions.Where(d => d.Favourable is not null).Select(d => d.Favourable!.Value).ToList() is { Count: > 0 } f
                ? MetricValue.Of((decimal)f.Average()) : Hidden(),
            _ => view.Questions.Where(q => q.Likert is { Points: 5 } && q.Dimension is not null && q.Dimension != "eNPS").ToList() is { Count: > 0 } items
                ? MetricValue.Of((decimal)(100 * items.Sum(q => (q.Likert!.Mean - 1) / 4 * q.Likert.N) / items.Sum(q => q.Likert!.N))) : Hidden(),
        };
    }

    private static MetricValue Hidden() => MetricValue.Unavailable("Fewer responses than the anonymity threshold, or the survey is still open.");
}
