using System.Net;
using Inward.Features.Account;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Account;

public sealed class InvitationTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Invited_employee_gets_a_mail_chooses_a_password_and_can_sign_in(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await AccountTestData.CreateEmployeeAsync(app);
        var hr = await app.SignedInAsync("hr@demo.example");

        var invite = await InwardApp.PostFormAsync(hr, $"/people/{employee.Id}/invite", []);

        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        Assert.Contains($"The invitation was sent to {employee.Email}", await invite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = await app.Smtp.WaitForMessageAsync(employee.Email);
        var link = AccountTestData.LinkIn(mail, PasswordLinks.SetPasswordPath);

        var invitee = app.Client();
        var page = await invitee.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(employee.Email, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var set = await InwardApp.PostFormAsync(invitee, link, AccountTestData.NewPassword("invitee-password-1"));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync("/account")).StatusCode);

        var signIn = await InwardApp.SignInAsync(app.Client(), employee.Email, "invitee-password-1");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var user = await AccountTestData.FindUserAsync(app, employee.Email);
        Assert.NotNull(user);
        Assert.Equal(employee.Id, user.EmployeeId);
        Assert.Equal(employee.Name, user.DisplayName);
        Assert.True(user.EmailConfirmed);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal([Roles.Employee], await scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>().GetRolesAsync(user));
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var actions = await db.AuditEntries.Where(a => a.EntityId == user.Id).Select(a => a.Action).ToListAsync();
        Assert.Contains("Invited", actions);
        Assert.Contains("PasswordSet", actions);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invitation_link_works_once(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await AccountTestData.CreateEmployeeAsync(app);
        var hr = await app.SignedInAsync("hr@demo.example");
        await InwardApp.PostFormAsync(hr, $"/people/{employee.Id}/invite", []);
        var link = AccountTestData.LinkIn(await app.Smtp.WaitForMessageAsync(employee.Email), PasswordLinks.SetPasswordPath);
        await InwardApp.PostFormAsync(app.Client(), link, AccountTestData.NewPassword("invitee-password-1"));

        var again = await app.Client().GetAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This link is not valid", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Inviting_again_before_a_password_is_chosen_sends_a_new_link_and_after_it_is_refused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await AccountTestData.CreateEmployeeAsync(app);
        var hr = await app.SignedInAsync("hr@demo.example");
        await InwardApp.PostFormAsync(hr, $"/people/{employee.Id}/invite", []);
        var first = await app.Smtp.WaitForMessageAsync(employee.Email);

        var resend = await InwardApp.PostFormAsync(hr, $"/people/{employee.Id}/invite", []);

        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        Assert.Contains($"A new invitation was sent to {employee.Email}", await resend.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var second = await app.Smtp.WaitForMessageAsync(employee.Email, m => m.MessageId != first.MessageId);
        var link = AccountTestData.LinkIn(second, PasswordLinks.SetPasswordPath);
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(app.Client(), link, AccountTestData.NewPassword("invitee-password-2"))).StatusCode);

        var invitePage = await hr.GetStringAsync($"/people/{employee.Id}/invite");
        Assert.Contains("has already activated their account", invitePage, StringComparison.Ordinal);
        var third = await InwardApp.PostFormAsync(hr, $"/people/{employee.Id}/invite", []);
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Inactive_employee_cannot_be_invited(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await AccountTestData.CreateEmployeeAsync(app, active: false);
        var hr = await app.SignedInAsync("hr@demo.example");
        var html = await hr.GetStringAsync($"/people/{employee.Id}/invite");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = InwardApp.AntiforgeryToken(html) };

        var response = await hr.PostAsync($"/people/{employee.Id}/invite", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is inactive and cannot be invited", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await AccountTestData.FindUserAsync(app, employee.Email));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Profile_offers_the_invitation_to_people_managers_only(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await AccountTestData.CreateEmployeeAsync(app);
        var hr = await app.SignedInAsync("hr@demo.example");
        var colleague = await app.SignedInAsync("employee@demo.example");

        var asHr = await hr.GetStringAsync($"/people/{employee.Id}");
        var asColleague = await colleague.GetStringAsync($"/people/{employee.Id}");

        Assert.Contains($"action=\"/people/{employee.Id}/invite\"", asHr, StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", asColleague, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Employee_cannot_invite(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await AccountTestData.CreateEmployeeAsync(app);
        var client = await app.SignedInAsync("employee@demo.example");
        var token = InwardApp.AntiforgeryToken(await client.GetStringAsync("/account"));

        var page = await client.GetAsync($"/people/{employee.Id}/invite");
        var post = await client.PostAsync($"/people/{employee.Id}/invite",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var partnerPage = await client.GetAsync("/partners/1");
        var partners = await client.GetAsync("/partners");

        foreach (var response in new[] { page, post, partnerPage, partners })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/access-denied", AccountTestData.RedirectPath(response));
        }
        Assert.Null(await AccountTestData.FindUserAsync(app, employee.Email));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page.Headers.Location)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invitation_is_written_in_the_invitees_language(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await AccountTestData.CreateEmployeeAsync(app, language: "pl");
        var hr = await app.SignedInAsync("hr@demo.example");

        await InwardApp.PostFormAsync(hr, $"/people/{employee.Id}/invite", []);

        var mail = await app.Smtp.WaitForMessageAsync(employee.Email);
        Assert.StartsWith("Zaproszenie", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("pl", (await AccountTestData.FindUserAsync(app, employee.Email))!.Language);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_set_password_links_show_an_error_page(DatabaseProvider provider)
    {
        var app = await App(provider);
        var user = await AccountTestData.CreateUserAsync(app, password: null);
        var client = app.Client();

        string[] links =
        [
            "/account/set-password",
            "/account/set-password?userId=nobody&token=abc",
            $"/account/set-password?userId={user.Id}&token=not-a-token",
            $"/account/set-password?userId={user.Id}&token=%%%",
            $"/account/reset-password?userId={user.Id}&token=bm90IGEgdG9rZW4",
        ];
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partner_user_is_invited_from_the_partner_page_and_joins_the_organisation(DatabaseProvider provider)
    {
        var app = await App(provider);
        int organisationId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            organisationId = await scope.ServiceProvider.GetRequiredService<InwardDbContext>().PartnerOrganisations
                .Where(p => p.Name == "Alpine Parts Supply").Select(p => p.Id).SingleAsync();
        }
        var hr = await app.SignedInAsync("hr@demo.example");
        Assert.Contains($"href=\"/partners/{organisationId}\"", await hr.GetStringAsync("/partners"), StringComparison.Ordinal);
        var email = AccountTestData.NewEmail("partner");

        var response = await InwardApp.PostFormAsync(hr, $"/partners/{organisationId}", new()
        {
            ["Input.Name"] = "Pat Partner",
            ["Input.Email"] = email,
            ["Input.Language"] = "en",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"The invitation was sent to {email}", html, StringComparison.Ordinal);
        Assert.Contains("Pat Partner", html, StringComparison.Ordinal);
        var link = AccountTestData.LinkIn(await app.Smtp.WaitForMessageAsync(email), PasswordLinks.SetPasswordPath);
        var partner = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(partner, link, AccountTestData.NewPassword("partner-password-1"))).StatusCode);
        var user = await AccountTestData.FindUserAsync(app, email);
        Assert.Equal(organisationId, user!.PartnerOrganisationId);
        Assert.Null(user.EmployeeId);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal([Roles.Partner], await scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>().GetRolesAsync(user));
        }
        // A partner sees no internal page.
        Assert.Equal(HttpStatusCode.Redirect, (await partner.GetAsync("/people")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partner_page_of_an_unknown_organisation_is_not_found(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");

        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/partners/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/people/999999/invite")).StatusCode);
    }
}
