using Inward.Platform.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Inward.Tests.Jobs;

namespace Inward.Tests.Platform;

public sealed class MetricRegistryTests
{
    private sealed class Counting(string key) : IMetricProvider
    {
        public int Calls { get; private set; }
        public IEnumerable<MetricDefinition> Definitions => [new(key, key, "", MetricUnit.Count, true, "Test")];
        public Task<MetricValue> EvaluateAsync(string k, MetricScope scope, CancellationToken ct) => Task.FromResult(MetricValue.Of(++Calls));
    }

    private static MetricRegistry Registry(IMetricProvider[] providers, int? cacheSeconds = 0, TimeProvider? clock = null) =>
        new(providers, new MemoryCache(new MemoryCacheOptions()),
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Metrics:CacheSeconds"] = cacheSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Build(),
            clock ?? TimeProvider.System);

    [Fact]
    public async Task A_value_is_reused_for_the_cache_time_per_metric_and_department_and_then_measured_again()
    {
        var clock = new ManualClock(DateTime.UtcNow);
        var provider = new Counting("c");
        var registry = Registry([provider], cacheSeconds: 60, clock);

        Assert.Equal(1, (await registry.EvaluateAsync("c", MetricScope.Company))!.Value);
        Assert.Equal(1, (await registry.EvaluateAsync("c", MetricScope.Company))!.Value);
        Assert.Equal(2, (await registry.EvaluateAsync("c", new MetricScope(4)))!.Value);
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(3, (await registry.EvaluateAsync("c", MetricScope.Company))!.Value);
    }

    [Fact]
    public async Task A_cache_time_of_zero_measures_every_time()
    {
        var provider = new Counting("c");
        var registry = Registry([provider], cacheSeconds: 0);

        await registry.EvaluateAsync("c", MetricScope.Company);
        await registry.EvaluateAsync("c", MetricScope.Company);
        Assert.Equal(2, provider.Calls);
    }

    private sealed class Fixed(string key, bool byDepartment, decimal value) : IMetricProvider
    {
        public IEnumerable<MetricDefinition> Definitions => [new(key, key, "", MetricUnit.Count, byDepartment, "Test")];
        public Task<MetricValue> EvaluateAsync(string k, MetricScope scope, CancellationToken ct) =>
            Task.FromResult(MetricValue.Of(value + (scope.DepartmentId ?? 0)));
    }

    [Fact]
    public async Task A_key_is_evaluated_by_the_provider_that_registered_it()
    {
        var registry = Registry([new Fixed("a", true, 1), new Fixed("b", true, 10)]);

        Assert.Equal(10, (await registry.EvaluateAsync("b", MetricScope.Company))!.Value);
        Assert.Equal(15, (await registry.EvaluateAsync("b", new MetricScope(5)))!.Value);
        Assert.Equal(["a", "b"], registry.All.Select(d => d.Key));
    }

    [Fact]
    public async Task Unknown_keys_give_null_and_company_only_metrics_refuse_a_department()
    {
        var registry = Registry([new Fixed("company", false, 3)]);

        Assert.Null(await registry.EvaluateAsync("gone", MetricScope.Company));
        var narrowed = await registry.EvaluateAsync("company", new MetricScope(2));
        Assert.Null(narrowed!.Value);
        Assert.NotNull(narrowed.Reason);
    }

    [Theory]
    [InlineData(1, 3, 33.33)]
    [InlineData(3, 3, 100)]
    [InlineData(0, 7, 0)]
    public void A_share_is_a_rounded_percentage(int part, int whole, double expected) =>
        Assert.Equal((decimal)expected, MetricValue.Share(part, whole).Value);

    [Fact]
    public void A_share_of_nobody_has_no_value() =>
        Assert.Null(MetricValue.Share(0, 0).Value);
}
