using System.Net;
using System.Text.RegularExpressions;
using Inward.Features.Account;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;

namespace Inward.Tests.Account;

public sealed partial class PasswordTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Forgot_password_answers_the_same_for_unknown_addresses_and_mails_only_known_ones(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var unknown = AccountTestData.NewEmail("nobody");

        var unknownAnswer = await InwardApp.PostFormAsync(app.Client(), "/account/forgot-password", new() { ["Email"] = unknown });
        var knownAnswer = await InwardApp.PostFormAsync(app.Client(), "/account/forgot-password", new() { ["Email"] = user.Email! });

        Assert.Equal(HttpStatusCode.OK, unknownAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, knownAnswer.StatusCode);
        var unknownHtml = WithoutTokens(await unknownAnswer.Content.ReadAsStringAsync());
        Assert.Equal(unknownHtml, WithoutTokens(await knownAnswer.Content.ReadAsStringAsync()));
        Assert.Contains("If an account uses this address", unknownHtml, StringComparison.Ordinal);
        var mail = await app.Smtp.WaitForMessageAsync(user.Email!);
        Assert.Contains(PasswordLinks.ResetPasswordPath, mail.TextBody, StringComparison.Ordinal);
        // The unknown address was asked for first, and its mail would have been sent first.
        Assert.DoesNotContain(app.Smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == unknown));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Lockout_after_five_wrong_passwords_holds_even_for_the_right_one_and_a_reset_ends_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await InwardApp.SignInAsync(app.Client(), user.Email!, "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var locked = await InwardApp.SignInAsync(app.Client(), user.Email!, AccountTestData.UserPassword);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("The account is locked for 15 minutes", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await InwardApp.PostFormAsync(app.Client(), "/account/forgot-password", new() { ["Email"] = user.Email! });
        var link = AccountTestData.LinkIn(await app.Smtp.WaitForMessageAsync(user.Email!), PasswordLinks.ResetPasswordPath);
        var reset = await InwardApp.PostFormAsync(app.Client(), link, AccountTestData.NewPassword("brand-new-password"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/account/sign-in?reset=1", reset.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.SignInAsync(app.Client(), user.Email!, "brand-new-password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await InwardApp.SignInAsync(app.Client(), user.Email!, AccountTestData.UserPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Client().GetAsync(link)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reset_page_shows_identity_password_rules(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        await InwardApp.PostFormAsync(app.Client(), "/account/forgot-password", new() { ["Email"] = user.Email! });
        var link = AccountTestData.LinkIn(await app.Smtp.WaitForMessageAsync(user.Email!), PasswordLinks.ResetPasswordPath);

        var tooShort = await InwardApp.PostFormAsync(app.Client(), link, AccountTestData.NewPassword("short"));
        var differ = await InwardApp.PostFormAsync(app.Client(), link, new() { ["Input.Password"] = "long-enough-one", ["Input.ConfirmPassword"] = "long-enough-two" });

        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("Passwords must be at least 10 characters.", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The two passwords differ.", await differ.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The link still works after failed attempts.
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(app.Client(), link, AccountTestData.NewPassword("long-enough-one"))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Account_page_changes_the_password_after_checking_the_current_one(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app);
        var client = await app.SignedInAsync(user.Email!, AccountTestData.UserPassword);

        var page = await client.GetStringAsync("/account");
        var wrong = await InwardApp.PostFormAsync(client, "/account", new()
        {
            ["Input.CurrentPassword"] = "not-the-password",
            ["Input.NewPassword"] = "changed-password-1",
            ["Input.ConfirmPassword"] = "changed-password-1",
        });
        var right = await InwardApp.PostFormAsync(client, "/account", new()
        {
            ["Input.CurrentPassword"] = AccountTestData.UserPassword,
            ["Input.NewPassword"] = "changed-password-1",
            ["Input.ConfirmPassword"] = "changed-password-1",
        });

        Assert.Contains(user.Email!, page, StringComparison.Ordinal);
        Assert.Contains("/account/passkeys", page, StringComparison.Ordinal);
        Assert.Contains("/account/tokens", page, StringComparison.Ordinal);
        Assert.Contains("The current password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Your password was changed.", await client.GetStringAsync(right.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.SignInAsync(app.Client(), user.Email!, "changed-password-1")).StatusCode);
    }

    private static string WithoutTokens(string html) => Tokens().Replace(html, "");

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex Tokens();
}
