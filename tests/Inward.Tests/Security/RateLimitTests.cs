using System.Net;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;

namespace Inward.Tests.Security;

/// <summary>The real app with tiny limits, on its own (the shared app's limits are too high to reach).</summary>
public sealed class LowLimitsApp : IAsyncLifetime
{
    public const int SignInPerMinute = 3;
    public const int ApiPerMinute = 5;

    public InwardApp App { get; } = new(DatabaseProvider.Sqlite, new Dictionary<string, string>
    {
        ["RateLimits:SignInPerMinute"] = SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ApiPerMinute"] = ApiPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public Task InitializeAsync() => App.InitialiseAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class RateLimitTests(LowLimitsApp fixture) : IClassFixture<LowLimitsApp>
{
    [Fact]
    public async Task Sign_in_attempts_share_one_limit_per_address_whatever_the_path_spelling_then_get_429_problem_details()
    {
        var client = fixture.App.Client();
        var html = await client.GetStringAsync("/account/sign-in");
        var token = InwardApp.AntiforgeryToken(html);
        // An unknown e-mail: attempts must not lock out a real account.
        var attempt = () => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "nobody-rate-limit@demo.example",
            ["Input.Password"] = "wrong-password",
        });

        var allowed = new List<HttpStatusCode>();
        foreach (var path in new[] { "/account/sign-in", "/Account/Sign-In", "/account/sign-in/" })
        {
            allowed.Add((await client.PostAsync(path, attempt())).StatusCode);
        }
        var rejected = await client.PostAsync("/ACCOUNT/SIGN-IN", attempt());
        var formStillOpens = await client.GetAsync("/account/sign-in");

        Assert.Equal(LowLimitsApp.SignInPerMinute, allowed.Count);
        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        var problem = await rejected.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {rejected.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, formStillOpens.StatusCode);
    }

    [Fact]
    public async Task Api_requests_beyond_the_limit_get_429_problem_details_per_user()
    {
        var app = fixture.App;
        var employee = await app.ApiClientAsync("employee@demo.example");
        var hr = await app.ApiClientAsync("hr@demo.example");

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < LowLimitsApp.ApiPerMinute; i++)
        {
            allowed.Add((await employee.GetAsync("/api/v1/departments")).StatusCode);
        }
        var rejected = await employee.GetAsync("/api/v1/departments");
        var otherUser = await hr.GetAsync("/api/v1/departments");

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        await rejected.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {rejected.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }
}
