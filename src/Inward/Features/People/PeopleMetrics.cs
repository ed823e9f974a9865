using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.People;

/// <summary>Metrics of the roster itself: headcount, frontline share and how many people have an account.</summary>
internal sealed class PeopleMetrics(PeopleQueries people, InwardDbContext db) : IMetricProvider
{
    public const string Headcount = "people.headcount";
    public const string FrontlineShare = "people.frontline-share";
    public const string AccountShare = "people.account-share";

    public IEnumerable<MetricDefinition> Definitions =>
    [
        new(Headcount, "Headcount", "Active employees.", MetricUnit.Count, true, "People"),
        new(FrontlineShare, "Frontline share", "Share of active employees who work on the front line.", MetricUnit.Percent, true, "People"),
        new(AccountShare, "Employees with an account", "Share of active employees who can sign in to Inward.", MetricUnit.Percent, true, "People"),
    ];

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        var active = await people.ActiveEmployeesInAsync(scope.DepartmentId);
        var total = await active.CountAsync(ct);
        return key switch
        {
            Headcount => MetricValue.Of(total),
            FrontlineShare => MetricValue.Share(await active.CountAsync(e => e.IsFrontline, ct), total),
            AccountShare => MetricValue.Share(
                await active.CountAsync(e => db.Users.Any(u => u.EmployeeId == e.Id && u.IsActive), ct), total),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a people metric."),
        };
    }
}
