using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Wins;

/// <summary>Wins for the plan's KPIs: how many are logged and how many become success stories (per department scope).</summary>
internal sealed class WinsMetrics(InwardDbContext db, WinLog wins, TimeProvider clock) : IMetricProvider
{
    public const string Logged30 = "wins.logged-30d";
    public const string Logged90 = "wins.logged-90d";
    public const string Stories90 = "wins.stories-90d";
    public const string StoryShare90 = "wins.story-share-90d";

    public IEnumerable<MetricDefinition> Definitions =>
    [
        new(Logged30, "Wins logged (30 days)", "Wins logged in the last 30 days, credited to the department or its people.", MetricUnit.Count, true, "Wins"),
        new(Logged90, "Wins logged (90 days)", "Wins logged in the last 90 days, credited to the department or its people.", MetricUnit.Count, true, "Wins"),
        new(Stories90, "Wins turned into stories (90 days)", "Wins turned into a success story in the last 90 days.", MetricUnit.Count, true, "Wins"),
        new(StoryShare90, "Share of wins told as stories (90 days)", "Of the wins logged in the last 90 days, the share already turned into a success story.",
            MetricUnit.Percent, true, "Wins"),
    ];

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Set<Win>().AsNoTracking();
        if (scope.DepartmentId is { } departmentId)
        {
            query = await wins.CreditedToAsync(query, departmentId);
        }
        var since30 = now.AddDays(-30);
        var since90 = now.AddDays(-90);
        return key switch
        {
            Logged30 => MetricValue.Of(await query.CountAsync(w => w.CreatedUtc >= since30, ct)),
            Logged90 => MetricValue.Of(await query.CountAsync(w => w.CreatedUtc >= since90, ct)),
            Stories90 => MetricValue.Of(await query.CountAsync(w => w.StoryCreatedUtc >= since90, ct)),
            StoryShare90 => MetricValue.Share(await query.CountAsync(w => w.CreatedUtc >= since90 && w.StoryPostId != null, ct),
                await query.CountAsync(w => w.CreatedUtc >= since90, ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a wins metric."),
        };
    }
}
