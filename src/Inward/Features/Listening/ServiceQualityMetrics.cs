using System.Globalization;
using Inward.Features.InternalCustomers;
using Inward.Platform.Data;
using Inward.Platform.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>
/// Internal service quality for the plan's KPIs, from the latest closed survey with service-quality items, through the
/// matrix's suppression: one metric per link of the internal-customer map (mean perception the served department gives the
/// serving one) and one per serving department (over all its internal customers). A suppressed cell has no value.
/// </summary>
internal sealed class ServiceQualityMetrics(InwardDbContext db, ServiceQualityResults matrix) : IMetricProvider
{
    public const string ByServingDepartment = "listening.isq";
    public const string LinkPrefix = "listening.isq.";

    public static string LinkKey(int from, int to) =>
        string.Create(CultureInfo.InvariantCulture, $"{LinkPrefix}{from}-{to}");

    /// <summary>
    /// One definition per link of the map as it is now: the registry lists definitions synchronously, and the map is small
    /// (tens of links), so it is read here rather than cached where it could go stale.
    /// </summary>
    public IEnumerable<MetricDefinition> Definitions =>
    [
        new(ByServingDepartment, "Internal service quality received",
            "Mean perception (1–7) a serving department gets from all its internal customers in the latest closed internal service quality survey; "
            + "for the whole company, the mean over the departments shown.", MetricUnit.Score, true, "Listening"),
        .. db.Set<ServiceEdge>().AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.FromDepartmentId, e.ToDepartmentId, From = e.FromDepartment!.Name, To = e.ToDepartment!.Name }).ToList()
            .Select(e => new MetricDefinition(LinkKey(e.FromDepartmentId, e.ToDepartmentId), $"Internal service quality: {e.From} → {e.To}",
                $"Mean perception (1–7) {e.To} gives {e.From} in the latest closed internal service quality survey.", MetricUnit.Score, false, "Listening")),
    ];

    public async Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking()
            .Where(s => s.Status == SurveyStatus.Closed && db.Set<SurveyQuestion>().Any(q => q.SurveyId == s.Id && q.AboutDepartmentId != null))
            .OrderByDescending(s => s.ClosedUtc).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        if (survey is null)
        {
            return MetricValue.Unavailable("No internal service quality survey has closed yet.");
        }
        var view = await matrix.ComputeAsync(survey, null, ct);
        if (key == ByServingDepartment)
        {
            if (scope.DepartmentId is { } department)
            {
                return view.Rows.FirstOrDefault(r => r.ServingDepartmentId == department)?.Total is { State: ServiceQualityState.Shown, Mean: { } mean }
                    ? MetricValue.Of((decimal)mean) : Hidden();
            }
            var shown = view.Rows.Select(r => r.Total.Mean).OfType<double>().ToList();
            return shown.Count > 0 ? MetricValue.Of((decimal)shown.Average()) : Hidden();
        }
        var ids = key[LinkPrefix.Length..].Split('-');
        if (ids.Length != 2 || !int.TryParse(ids[0], CultureInfo.InvariantCulture, out var from) || !int.TryParse(ids[1], CultureInfo.InvariantCulture, out var to))
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "Not an internal service quality metric.");
        }
        var column = view.Served.Select((d, i) => (d.Id, i)).FirstOrDefault(x => x.Id == to);
        return view.Rows.FirstOrDefault(r => r.ServingDepartmentId == from) is { } row && column.Id == to
            && row.Cells[column.i].Score is { State: ServiceQualityState.Shown, Mean: { } m }
            ? MetricValue.Of((decimal)m)
            : Hidden();
    }

    private static MetricValue Hidden() =>
        MetricValue.Unavailable("Fewer responses than the anonymity threshold, or this link was not rated in the latest survey.");
}
