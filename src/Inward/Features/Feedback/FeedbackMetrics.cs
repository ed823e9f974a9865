using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Feedback;

/// <summary>How fast feedback cards are answered and closed (over the last 180 days), for the company or for cards to one department.</summary>
internal sealed class FeedbackMetrics(InwardDbContext db, TimeProvider clock) : IMetricProvider
{
    public const string MedianClosureDays = "feedback.closure-median-days";
    public const string AnsweredWithin14Days = "feedback.answered-14d-share";
    private const int WindowDays = 180;

    public IEnumerable<MetricDefinition> Definitions =>
    [
        new(MedianClosureDays, "Feedback closure time (median days)",
            "Median days from receiving a feedback card to done or declined, over the cards closed in the last 180 days.", MetricUnit.Score, true, "Feedback"),
        new(AnsweredWithin14Days, "Feedback cards answered within 14 days",
            "Of the feedback cards received in the last 180 days and answered or at least 14 days old, the share first answered within 14 days.",
            MetricUnit.Percent, true, "Feedback"),
    ];

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var since = today.AddDays(-WindowDays);
        var query = db.Set<FeedbackCard>().AsNoTracking();
        if (scope.DepartmentId is { } departmentId)
        {
            query = query.Where(c => c.Recipient == FeedbackRecipient.Department && c.DepartmentId == departmentId);
        }
        switch (key)
        {
            case MedianClosureDays:
                var closed = await query.Where(c => c.ClosedOn >= since).Select(c => new CardDates(c.ReceivedOn, c.FirstAnsweredOn, c.ClosedOn)).ToListAsync(ct);
                return FeedbackRules.MedianClosureDays(closed) is { } median ? MetricValue.Of(median) : MetricValue.Unavailable("No feedback card closed yet.");
            case AnsweredWithin14Days:
                var received = await query.Where(c => c.ReceivedOn >= since).Select(c => new CardDates(c.ReceivedOn, c.FirstAnsweredOn, c.ClosedOn)).ToListAsync(ct);
                var (inTime, judged) = FeedbackRules.AnsweredWithin14Days(received, today);
                return MetricValue.Share(inTime, judged);
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key, "Not a feedback metric.");
        }
    }
}
