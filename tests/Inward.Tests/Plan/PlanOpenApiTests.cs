using Inward.Platform.Data;
using Inward.Tests.Infrastructure;

namespace Inward.Tests.Plan;

public sealed class PlanOpenApiTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task The_plan_api_is_documented_with_summaries_errors_and_json_bodies(DatabaseProvider provider)
    {
        var app = await App(provider);

        var paths = (await (await app.Client().GetAsync("/openapi/v1.json")).JsonAsync()).GetProperty("paths");

        (string Path, string Method)[] operations =
        [
            ("/api/v1/plan", "get"), ("/api/v1/plans", "get"), ("/api/v1/plans/{id}", "get"), ("/api/v1/plans/{id}/acknowledgement", "post"),
            ("/api/v1/plans/{id}/suggestions", "get"), ("/api/v1/plans/{id}/suggestions", "post"), ("/api/v1/plans/{id}/suggestions/{suggestionId}/answer", "post"),
        ];
        foreach (var (path, method) in operations)
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), path);
            foreach (var status in new[] { "401", "403", "429" })
            {
                Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{method} {path} does not declare {status}");
            }
        }
        Assert.True(paths.GetProperty("/api/v1/plans/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/api/v1/plans/{id}/suggestions").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .TryGetProperty("application/json", out _));
        Assert.True(paths.GetProperty("/api/v1/plans/{id}/suggestions/{suggestionId}/answer").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").TryGetProperty("application/json", out _));
    }
}
