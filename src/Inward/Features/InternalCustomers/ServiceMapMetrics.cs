using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.InternalCustomers;

/// <summary>How well the service map is owned: links where someone answers for both sides.</summary>
internal sealed class ServiceMapMetrics(InwardDbContext db) : IMetricProvider
{
    public const string EdgesWithOwners = "internal-customers.edges-with-owners";

    public IEnumerable<MetricDefinition> Definitions =>
    [
        new(EdgesWithOwners, "Service links with owners on both sides",
            "Share of internal-customer links that name an owner on the serving and on the served side.", MetricUnit.Percent, false, "Internal customers"),
    ];

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        if (key != EdgesWithOwners)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "Not an internal-customer metric.");
        }
        var edges = db.Set<ServiceEdge>().AsNoTracking();
        var total = await edges.CountAsync(ct);
        return total == 0
            ? MetricValue.Unavailable("No service links yet.")
            : MetricValue.Share(await edges.CountAsync(e => e.ServingOwnerId != null && e.ServedOwnerId != null, ct), total);
    }
}
