using System.Net;
using System.Text.Json;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;

namespace Inward.Tests.Account;

/// <summary>What can be checked over HTTP without an authenticator: the options, their protection, and bad credentials.</summary>
public sealed class PasskeyTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Creation_options_are_for_the_signed_in_user_and_the_configured_domain(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var client = await app.SignedInAsync(user.Email!, AccountTestData.UserPassword);
        var token = InwardApp.AntiforgeryToken(await client.GetStringAsync("/account/passkeys"));

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/passkeys/creation-options")
        {
            Headers = { { "RequestVerificationToken", token } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var options = json.RootElement;
        Assert.Equal("localhost", options.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal(user.Email, options.GetProperty("user").GetProperty("name").GetString());
        Assert.True(options.GetProperty("challenge").GetString()!.Length >= 32);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Creation_options_need_a_signed_in_user_and_an_antiforgery_token(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.SignedInAsync("employee@demo.example");

        var anonymous = await app.Client().PostAsync("/account/passkeys/creation-options", null);
        var withoutToken = await client.PostAsync("/account/passkeys/creation-options", null);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Request_options_for_sign_in_name_no_account_and_need_an_antiforgery_token(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = app.Client();
        var token = InwardApp.AntiforgeryToken(await client.GetStringAsync("/account/sign-in"));

        var withoutToken = await app.Client().PostAsync("/account/passkeys/request-options", null);
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/passkeys/request-options")
        {
            Headers = { { "RequestVerificationToken", token } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("localhost", json.RootElement.GetProperty("rpId").GetString());
        Assert.True(json.RootElement.GetProperty("challenge").GetString()!.Length >= 32);
        Assert.True(!json.RootElement.TryGetProperty("allowCredentials", out var allowed) || allowed.GetArrayLength() == 0);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Garbage_credentials_give_a_page_error_not_a_server_error(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var client = await app.SignedInAsync(user.Email!, AccountTestData.UserPassword);
        var anonymous = app.Client();

        var add = await InwardApp.PostFormAsync(client, "/account/passkeys", new() { ["credential"] = "{\"id\":42}", ["name"] = "x" }, "/account/passkeys?handler=Add");
        var addNotJson = await InwardApp.PostFormAsync(client, "/account/passkeys", new() { ["credential"] = "not json" }, "/account/passkeys?handler=Add");
        var signIn = await InwardApp.PostFormAsync(anonymous, "/account/sign-in", new() { ["credential"] = "{\"id\":\"AAAA\"}" }, "/account/sign-in?handler=Passkey");

        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Contains("The passkey could not be added.", await add.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, addNotJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("Signing in with the passkey did not work.", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("No passkeys yet.", await client.GetStringAsync("/account/passkeys"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_passkey_cannot_be_renamed_or_deleted(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var client = await app.SignedInAsync(user.Email!, AccountTestData.UserPassword);

        var rename = await InwardApp.PostFormAsync(client, "/account/passkeys", new() { ["name"] = "x" }, "/account/passkeys?handler=Rename&id=AAAA");
        var delete = await InwardApp.PostFormAsync(client, "/account/passkeys", [], "/account/passkeys?handler=Delete&id=%25%25");

        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }
}
