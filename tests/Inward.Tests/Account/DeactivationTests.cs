using System.Net;
using System.Net.Http.Headers;
using Inward.Features.Account;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Account;

/// <summary>The app checks the security stamp on every request in tests (Identity:SecurityStampValidationSeconds = 0).</summary>
public sealed class DeactivationTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Deactivation_ends_the_cookie_session_the_tokens_and_further_sign_ins(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var client = await app.SignedInAsync(user.Email!, AccountTestData.UserPassword);
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "script", 30);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>();
            var result = await scope.ServiceProvider.GetRequiredService<AccountDeactivation>().DeactivateAsync((await users.FindByIdAsync(user.Id))!);
            Assert.True(result.Succeeded);
        }

        var after = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var signIn = await InwardApp.SignInAsync(app.Client(), user.Email!, AccountTestData.UserPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_signed_in_user_keeps_the_session_while_active(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var client = await app.SignedInAsync(user.Email!, AccountTestData.UserPassword);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        }
    }
}
