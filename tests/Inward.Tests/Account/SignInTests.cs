using System.Net;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;

namespace Inward.Tests.Account;

public sealed class SignInTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Demo_employee_signs_in_with_the_configured_password_and_reaches_the_home_page(DatabaseProvider provider)
    {
        var app = await App(provider);
        var client = await app.SignedInAsync("employee@demo.example");

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Brightwheel Cycles", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Wrong_password_and_unknown_email_get_the_same_answer(DatabaseProvider provider)
    {
        var app = await App(provider);

        var wrong = await InwardApp.SignInAsync(app.Client(), "hr@demo.example", "not-the-password");
        var unknown = await InwardApp.SignInAsync(app.Client(), "nobody@demo.example", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("The e-mail or password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The e-mail or password is not right.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(DatabaseProvider provider)
    {
        var app = await App(provider);

        var response = await app.Client().GetAsync("/people");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
