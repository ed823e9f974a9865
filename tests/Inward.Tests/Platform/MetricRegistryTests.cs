using Inward.Platform.Metrics;

namespace Inward.Tests.Platform;

public sealed class MetricRegistryTests
{
    private sealed class Fixed(string key, bool byDepartment, decimal value) : IMetricProvider
    {
        public IEnumerable<MetricDefinition> Definitions => [new(key, key, "", MetricUnit.Count, byDepartment, "Test")];
        public Task<MetricValue> EvaluateAsync(string k, MetricScope scope, CancellationToken ct) =>
            Task.FromResult(MetricValue.Of(value + (scope.DepartmentId ?? 0)));
    }

    [Fact]
    public async Task A_key_is_evaluated_by_the_provider_that_registered_it()
    {
        var registry = new MetricRegistry([new Fixed("a", true, 1), new Fixed("b", true, 10)]);

        Assert.Equal(10, (await registry.EvaluateAsync("b", MetricScope.Company))!.Value);
        Assert.Equal(15, (await registry.EvaluateAsync("b", new MetricScope(5)))!.Value);
        Assert.Equal(["a", "b"], registry.All.Select(d => d.Key));
    }

    [Fact]
    public async Task Unknown_keys_give_null_and_company_only_metrics_refuse_a_department()
    {
        var registry = new MetricRegistry([new Fixed("company", false, 3)]);

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
