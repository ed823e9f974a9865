using System.Net;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Platform;

/// <summary>The real app (outside Development) with one injected fault: the people query service cannot be built.</summary>
public sealed class FaultyApp : IAsyncLifetime
{
    public const string Secret = "secret-detail-that-must-not-leak";

    public InwardApp App { get; } = new(DatabaseProvider.Sqlite, services: s =>
        s.AddScoped<PeopleQueries>(_ => throw new InvalidOperationException(Secret)));

    public Task InitializeAsync() => App.InitialiseAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ErrorHandlingTests(FaultyApp fixture) : IClassFixture<FaultyApp>
{
    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_exception_details()
    {
        var client = await fixture.App.ApiClientAsync("employee@demo.example");

        var response = await client.GetAsync("/api/v1/people");

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain(FaultyApp.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }
}
