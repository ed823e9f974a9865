using Microsoft.Extensions.Caching.Memory;

namespace Inward.Platform.Metrics;

/// <summary>How a metric's number reads: a share in percent, a count, a score on its own scale or an amount of money.</summary>
public enum MetricUnit
{
    Percent,
    Count,
    Score,
    Money,
}

/// <summary>
/// A live number a feature offers to the plan's KPIs, e.g. "plan acknowledgement rate". The key is stable
/// (stored in KPIs); name and description are English keys for the localiser.
/// <see cref="ByDepartment"/> says whether the metric can be narrowed to one department (and its sub-departments).
/// </summary>
public sealed record MetricDefinition(string Key, string Name, string Description, MetricUnit Unit, bool ByDepartment, string Feature);

/// <summary>Which part of the company a metric is evaluated for; no department means the whole company.</summary>
public sealed record MetricScope(int? DepartmentId)
{
    public static readonly MetricScope Company = new((int?)null);
}

/// <summary>
/// A metric's value now. <see cref="Value"/> is null when there is nothing to measure yet or when publishing
/// it would break a rule (e.g. a survey group below the anonymity threshold); <see cref="Reason"/> says why.
/// </summary>
public sealed record MetricValue(decimal? Value, string? Reason = null)
{
    public static MetricValue Of(decimal value) => new(decimal.Round(value, 2));
    public static MetricValue Share(int part, int whole) =>
        whole == 0 ? new MetricValue(null, "Nobody to measure yet.") : Of(100m * part / whole);
    public static MetricValue Unavailable(string reason) => new(null, reason);
}

/// <summary>A feature that offers metrics. Register with <c>services.AddScoped&lt;IMetricProvider, X&gt;()</c>.</summary>
public interface IMetricProvider
{
    IEnumerable<MetricDefinition> Definitions { get; }

    /// <summary>Evaluates one of this provider's metrics; only called with keys from <see cref="Definitions"/>.</summary>
    Task<MetricValue> EvaluateAsync(string key, MetricScope scope, CancellationToken ct);
}

/// <summary>
/// All metrics every feature offers, by key. KPIs bound to a metric read their live value here. A value is kept for
/// <c>Metrics:CacheSeconds</c> (default 60; 0 turns the cache off): a plan page shows several KPIs, each of which may
/// count over the whole company, and a minute-old share is live enough for a plan.
/// </summary>
public sealed class MetricRegistry(IEnumerable<IMetricProvider> providers, IMemoryCache cache, IConfiguration configuration, TimeProvider clock)
{
    private readonly Dictionary<string, (MetricDefinition Definition, IMetricProvider Provider)> byKey =
        providers.SelectMany(p => p.Definitions.Select(d => (d, p))).ToDictionary(x => x.d.Key, x => (x.d, x.p), StringComparer.Ordinal);

    public IReadOnlyList<MetricDefinition> All =>
        [.. byKey.Values.Select(v => v.Definition).OrderBy(d => d.Feature, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)];

    public MetricDefinition? Find(string key) => byKey.TryGetValue(key, out var v) ? v.Definition : null;

    /// <summary>The live value, or null when the key is unknown (e.g. a feature was removed).</summary>
    public async Task<MetricValue?> EvaluateAsync(string key, MetricScope scope, CancellationToken ct = default)
    {
        if (!byKey.TryGetValue(key, out var v))
        {
            return null;
        }
        if (scope.DepartmentId is not null && !v.Definition.ByDepartment)
        {
            return MetricValue.Unavailable("This metric is measured for the whole company only.");
        }
        var seconds = configuration.GetValue("Metrics:CacheSeconds", 60);
        var cacheKey = $"metric:{key}:{scope.DepartmentId}";
        var now = clock.GetUtcNow();
        if (seconds > 0 && cache.TryGetValue(cacheKey, out Cached? cached) && cached is not null && now < cached.Until)
        {
            return cached.Value;
        }
        var value = await v.Provider.EvaluateAsync(key, scope, ct);
        if (seconds > 0)
        {
            cache.Set(cacheKey, new Cached(value, now.AddSeconds(seconds)), TimeSpan.FromSeconds(seconds));
        }
        return value;
    }

    /// <summary>A value and when it stops being fresh, by the app's clock (testable), not the cache's.</summary>
    private sealed record Cached(MetricValue Value, DateTimeOffset Until);
}
