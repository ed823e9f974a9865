using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Inward.Features.Account;
using Inward.Platform.Cli;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Account;

public sealed partial class TokenTests(Apps apps) : IntegrationTest(apps)
{
    private sealed record Me(string Id, string Email, string Name, string[] Roles);

    [Theory, MemberData(nameof(Providers))]
    public async Task Token_created_in_the_ui_is_shown_once_listed_works_for_the_api_and_stops_when_revoked(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var client = await app.SignedInAsync(user.Email!, AccountTestData.UserPassword);

        var created = await InwardApp.PostFormAsync(client, "/account/tokens", new() { ["Input.Name"] = "Reporting script", ["Input.Days"] = "30" },
            postTo: "/account/tokens?handler=Create");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var secret = Secret().Match(html).Value;
        Assert.StartsWith(TokenAuthenticationHandler.SecretPrefix, secret, StringComparison.Ordinal);
        var list = await client.GetStringAsync("/account/tokens");
        Assert.Contains("Reporting script", list, StringComparison.Ordinal);
        Assert.Contains(secret[..ApiTokens.PrefixLength], list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        var me = await Api(app, secret).GetFromJsonAsync<Me>("/api/v1/me");
        Assert.Equal(user.Id, me!.Id);
        Assert.Equal(user.Email, me.Email);
        Assert.Equal([Roles.Employee], me.Roles);

        var id = RevokeId().Match(list).Groups[1].Value;
        var revoke = await InwardApp.PostFormAsync(client, "/account/tokens", [], postTo: $"/account/tokens?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Contains("Revoked", await client.GetStringAsync("/account/tokens"), StringComparison.Ordinal);
        await AssertUnauthorizedProblem(await Api(app, secret).GetAsync("/api/v1/me"));

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<InwardDbContext>().AuditEntries
            .Where(a => a.EntityType == nameof(PersonalAccessToken) && a.ActorUserId == user.Id).ToListAsync();
        Assert.Contains(audit, a => a.Action == "Added" && a.After!.Contains("Reporting script", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "Modified" && a.EntityId == id && a.After!.Contains("RevokedAt", StringComparison.Ordinal));
        var hash = TokenAuthenticationHandler.Hash(secret);
        Assert.DoesNotContain(audit, a => (a.After ?? "").Contains(hash, StringComparison.Ordinal) || (a.After ?? "").Contains(secret, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Token_form_rejects_a_missing_name_and_an_expiry_beyond_a_year(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var client = await app.SignedInAsync(user.Email!, AccountTestData.UserPassword);

        var noName = await InwardApp.PostFormAsync(client, "/account/tokens", new() { ["Input.Name"] = "", ["Input.Days"] = "30" }, "/account/tokens?handler=Create");
        var tooLong = await InwardApp.PostFormAsync(client, "/account/tokens", new() { ["Input.Name"] = "x", ["Input.Days"] = "366" }, "/account/tokens?handler=Create");

        Assert.Contains("Give the token a name.", await noName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("A token lasts 1 to 365 days.", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<InwardDbContext>().PersonalAccessTokens.AnyAsync(t => t.UserId == user.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_users_token_cannot_be_revoked(DatabaseProvider provider)
    {
        var app = await App(provider);
        var owner = await AccountTestData.CreateUserAsync(app);
        var other = await AccountTestData.CreateUserAsync(app);
        int tokenId;
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (token, s) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(owner.Id, "mine", null);
            (tokenId, secret) = (token.Id, s);
        }
        var client = await app.SignedInAsync(other.Email!, AccountTestData.UserPassword);

        var response = await InwardApp.PostFormAsync(client, "/account/tokens", [], postTo: $"/account/tokens?handler=Revoke&id={tokenId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api(app, secret).GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Api_refuses_expired_garbage_and_missing_tokens_with_401_problem_details(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        string expired;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (token, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "old", 1);
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
            expired = secret;
        }

        await AssertUnauthorizedProblem(await Api(app, expired).GetAsync("/api/v1/me"));
        await AssertUnauthorizedProblem(await Api(app, "inw_garbage").GetAsync("/api/v1/me"));
        await AssertUnauthorizedProblem(await Api(app, "").GetAsync("/api/v1/me"));
        await AssertUnauthorizedProblem(await app.Client().GetAsync("/api/v1/me"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partner_cannot_open_the_tokens_page(DatabaseProvider provider)
    {
        var app = await App(provider);
        var partner = await app.SignedInAsync("partner@demo.example");

        var response = await partner.GetAsync("/account/tokens");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", AccountTestData.RedirectPath(response));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(response.Headers.Location)).StatusCode);
        Assert.DoesNotContain("/account/tokens", await partner.GetStringAsync("/account"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Token_command_prints_a_working_token(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var output = new StringWriter();

        var exit = await new TokenCommand().RunAsync(app.Services,
            new CliArguments(["create", "--user", user.Email!.ToUpperInvariant(), "--name", "CI", "--days", "7"]), output, CancellationToken.None);

        Assert.Equal(0, exit);
        var secret = Secret().Match(output.ToString()).Value;
        Assert.Equal(HttpStatusCode.OK, (await Api(app, secret).GetAsync("/api/v1/me")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<InwardDbContext>().PersonalAccessTokens.SingleAsync(t => t.UserId == user.Id);
        Assert.Equal("CI", token.Name);
        Assert.NotNull(token.ExpiresAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Token_command_refuses_unknown_users_and_partners(DatabaseProvider provider)
    {
        var app = await App(provider);
        var unknownOutput = new StringWriter();
        var partnerOutput = new StringWriter();
        var badDaysOutput = new StringWriter();

        var unknown = await new TokenCommand().RunAsync(app.Services, new CliArguments(["create", "--user", "nobody@t.example"]), unknownOutput, CancellationToken.None);
        var partner = await new TokenCommand().RunAsync(app.Services, new CliArguments(["create", "--user", "partner@demo.example"]), partnerOutput, CancellationToken.None);
        var badDays = await new TokenCommand().RunAsync(app.Services, new CliArguments(["create", "--user", "employee@demo.example", "--days", "0"]), badDaysOutput, CancellationToken.None);

        Assert.Equal(1, unknown);
        Assert.Contains("No user has the e-mail address nobody@t.example", unknownOutput.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, partner);
        Assert.Contains("may not use the API", partnerOutput.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, badDays);
        Assert.DoesNotContain(TokenAuthenticationHandler.SecretPrefix, partnerOutput.ToString() + badDaysOutput, StringComparison.Ordinal);
    }

    private static HttpClient Api(InwardApp app, string secret)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task AssertUnauthorizedProblem(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("401", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"inw_[A-Za-z0-9_\-]{40,}")]
    private static partial Regex Secret();

    [GeneratedRegex(@"action=""/account/tokens[^""]*?[?&](?:amp;)?id=(\d+)[^""]*""")]
    private static partial Regex RevokeId();
}
