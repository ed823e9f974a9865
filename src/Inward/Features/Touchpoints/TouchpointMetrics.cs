using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Touchpoints;

/// <summary>How far role expectation cards reach and are accepted, and how many touchpoints are mapped.</summary>
internal sealed class TouchpointMetrics(PeopleQueries people, InwardDbContext db) : IMetricProvider
{
    public const string Coverage = "touchpoints.role-card-coverage";
    public const string Acknowledgement = "touchpoints.role-card-acknowledgement";
    public const string Count = "touchpoints.count";

    public IEnumerable<MetricDefinition> Definitions =>
    [
        new(Coverage, "Role card coverage", "Share of active employees whose job role has a published expectation card.", MetricUnit.Percent, true, "Touchpoints"),
        new(Acknowledgement, "Role card acknowledgement", "Share of active employees with a published card for their role who accepted its current version.",
            MetricUnit.Percent, true, "Touchpoints"),
        new(Count, "Customer touchpoints", "Number of mapped customer touchpoints.", MetricUnit.Count, false, "Touchpoints"),
    ];

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        if (key == Count)
        {
            return MetricValue.Of(await db.Set<Touchpoint>().CountAsync(ct));
        }
        var active = await people.ActiveEmployeesInAsync(scope.DepartmentId);
        var cards = db.Set<RoleCard>().Where(c => c.PublishedVersion > 0);
        var covered = active.Where(e => cards.Any(c => c.JobRoleId == e.JobRoleId));
        return key switch
        {
            Coverage => MetricValue.Share(await covered.CountAsync(ct), await active.CountAsync(ct)),
            Acknowledgement => MetricValue.Share(
                await covered.CountAsync(e => db.Set<RoleCardAcknowledgement>().Any(a => a.EmployeeId == e.Id
                    && cards.Any(c => c.Id == a.RoleCardId && c.JobRoleId == e.JobRoleId && c.PublishedVersion == a.Version)), ct),
                await covered.CountAsync(ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a touchpoints metric."),
        };
    }
}
