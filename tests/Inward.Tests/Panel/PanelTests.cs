using System.Net;
using System.Net.Http.Json;
using Inward.Features.Notifications;
using Inward.Features.Panel;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Panel;

/// <summary>The top-performer panel: HR invites, the invited accept or decline, members and HR discuss, HR records input and outcomes.</summary>
public sealed class PanelTests(Apps apps) : IntegrationTest(apps)
{
    [Theory]
    [InlineData(PanelInputStatus.Done, null, "Outcome")]
    [InlineData(PanelInputStatus.Declined, "  ", "Outcome")]
    [InlineData(PanelInputStatus.Done, "We changed the bonus rules.", null)]
    [InlineData(PanelInputStatus.InProgress, null, null)]
    [InlineData(PanelInputStatus.Open, "", null)]
    public void Done_and_declined_input_needs_an_outcome(PanelInputStatus status, string? outcome, string? errorField) =>
        Assert.Equal(errorField, PanelRules.CheckInputUpdate(status, outcome)?.Field);

    [Theory, MemberData(nameof(Providers))]
    public async Task HR_invites_a_top_performer_who_joins_discusses_and_sees_what_was_done_with_the_panels_input(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (email, _, employeeId) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        var (outsiderEmail, _, _) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        var hr = await app.ApiClientAsync("hr@demo.example");
        var member = await app.ApiClientAsync(email);
        var outsider = await app.ApiClientAsync(outsiderEmail);

        // Before the invitation the panel is closed to them; HR's invitation notifies them.
        await (await member.GetAsync("/api/v1/panel")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync("/api/v1/panel/members", new { employeeId, reason = "Best first-call resolution" })).StatusCode);
        await (await hr.PostAsJsonAsync("/api/v1/panel/members", new { employeeId })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await hr.PostAsJsonAsync("/api/v1/panel/members", new { employeeId = 999999999 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AnyAsync(n => n.EmployeeId == employeeId && n.Url == "/panel")));
        await (await member.GetAsync("/api/v1/panel")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var invited = await app.SignedInAsync(email, TestAccounts.Password);
        Assert.Contains("Join the panel", await invited.GetStringAsync("/panel"), StringComparison.Ordinal);
        await (await member.PostAsJsonAsync("/api/v1/panel/members", new { employeeId })).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsJsonAsync("/api/v1/panel/invitation", new { accept = true })).StatusCode);
        await (await member.PostAsJsonAsync("/api/v1/panel/invitation", new { accept = false })).AssertProblemAsync(HttpStatusCode.NotFound);

        // A member starts a thread; HR answers in it; the outsider sees none of it.
        var topic = $"Bonus rules {Guid.NewGuid():N}";
        var created = await member.PostAsJsonAsync("/api/v1/panel/topics", new { title = topic, text = "The bonus rules are **unclear**." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var topicId = (await created.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/v1/panel/topics/{topicId}/posts", new { text = "Which part?" })).StatusCode);
        await (await hr.PostAsJsonAsync($"/api/v1/panel/topics/{topicId}/posts", new { text = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var thread = await (await member.GetAsync($"/api/v1/panel/topics/{topicId}")).JsonAsync();
        Assert.Equal(2, thread.GetProperty("posts").GetArrayLength());
        await (await outsider.GetAsync($"/api/v1/panel/topics/{topicId}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.GetAsync("/api/v1/panel")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync("/api/v1/panel/topics/999999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        var page = await invited.GetStringAsync($"/panel/topics/{topicId}");
        Assert.Contains("<strong>unclear</strong>", page, StringComparison.Ordinal);

        // HR records the input and, later, what was done with it (an outcome is required to close it).
        var issue = $"Bonus clarity {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync("/api/v1/panel/inputs", new { title = issue, input = "Publish a one-page bonus guide." })).StatusCode);
        await (await member.PostAsJsonAsync("/api/v1/panel/inputs", new { title = "x", input = "y" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var inputId = await TestAccounts.WithDbAsync(app, db => db.Set<PanelInput>().Where(i => i.Title == issue).Select(i => i.Id).SingleAsync());
        await (await hr.PostAsJsonAsync($"/api/v1/panel/inputs/{inputId}", new { status = "Done" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await hr.PostAsJsonAsync($"/api/v1/panel/inputs/{inputId}", new { status = "Finished", outcome = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/v1/panel/inputs/{inputId}", new { status = "Done", outcome = "Guide published in March." })).StatusCode);
        var overview = await (await member.GetAsync("/api/v1/panel")).JsonAsync();
        Assert.Contains(overview.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("id").GetInt32() == inputId
            && i.GetProperty("status").GetString() == "Done" && i.GetProperty("outcome").GetString() == "Guide published in March.");
        Assert.Contains("Guide published in March.", await invited.GetStringAsync("/panel"), StringComparison.Ordinal);

        // HR takes them off the panel: closed again.
        var memberId = await TestAccounts.WithDbAsync(app, db => db.Set<PanelMember>().Where(m => m.EmployeeId == employeeId).Select(m => m.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync($"/api/v1/panel/members/{memberId}")).StatusCode);
        await (await member.GetAsync("/api/v1/panel")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_declined_invitation_closes_the_panel_and_HR_may_invite_again_through_the_page(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (email, _, employeeId) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        var hrPages = await app.SignedInAsync("hr@demo.example");
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(hrPages, "/panel",
            new() { ["EmployeeId"] = employeeId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "Top sales" }, "/panel?handler=Nominate")).StatusCode);
        var invited = await app.SignedInAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await InwardApp.PostFormAsync(invited, "/panel", [], "/panel?handler=Decline")).StatusCode);
        await TestAccounts.AssertForbiddenAsync(invited, "/panel");

        var again = await InwardApp.PostFormAsync(hrPages, "/panel",
            new() { ["EmployeeId"] = employeeId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/panel?handler=Nominate");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var refused = await InwardApp.PostFormAsync(hrPages, "/panel", new() { ["Title"] = "", ["Text"] = "" }, "/panel?handler=Topic");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Write something first.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(PanelMembership.Invited,
            await TestAccounts.WithDbAsync(app, db => db.Set<PanelMember>().Where(m => m.EmployeeId == employeeId).Select(m => m.Membership).SingleAsync()));
    }
}
