using System.Net;
using System.Net.Http.Json;
using Inward.Features.Listening;
using Inward.Features.Panel;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Listening.Anonymity;
using Microsoft.EntityFrameworkCore;

namespace Inward.Tests.Panel;

/// <summary>The advisory panel's own surveys on both databases: authored as any survey, asked of the panel's members, answered from /panel.</summary>
public sealed class PanelSurveyTests(Apps apps) : IntegrationTest(apps)
{
    private static Task<int> JoinAsync(InwardApp app, int employeeId, PanelMembership membership = PanelMembership.Member) => TestAccounts.WithDbAsync(app, async db =>
    {
        db.Add(new PanelMember { EmployeeId = employeeId, Membership = membership, NominatedBy = "test", NominatedUtc = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    [Theory, MemberData(nameof(Providers))]
    public async Task Hr_asks_the_panel_members_who_see_it_on_the_panel_page_and_in_the_menu_while_others_cannot_reach_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await ReminderKit.DepartmentAsync(app);
        var people = await ReminderKit.PeopleAsync(app, department, 3);
        var (member, invited, outsider) = (people[0], people[1], people[2]);
        await JoinAsync(app, member.EmployeeId);
        await JoinAsync(app, invited.EmployeeId, PanelMembership.Invited);
        var title = $"Panel pulse {Guid.NewGuid():N}"[..24];

        var hrPages = await app.SignedInAsync(ReminderKit.Hr);
        var manage = await hrPages.GetStringAsync("/surveys/manage");
        Assert.Contains("name=\"Input.Panel\"", manage, StringComparison.Ordinal);
        var create = await InwardApp.PostFormAsync(hrPages, "/surveys/manage",
            new() { ["Input.Template"] = "enps", ["Input.Title"] = title, ["Input.Privacy"] = "anonymous", ["Input.Panel"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        var id = int.Parse(create.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.Set<PanelSurvey>().AnyAsync(p => p.SurveyId == id)));
        Assert.Contains("This is the advisory panel's survey", WebUtility.HtmlDecode(await hrPages.GetStringAsync($"/surveys/{id}/edit")), StringComparison.Ordinal);
        var hr = await app.ApiClientAsync(ReminderKit.Hr);
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{id}/launch", null)).StatusCode);

        var asked = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyMember>().Where(m => m.SurveyId == id).Select(m => m.EmployeeId).ToListAsync());
        var panel = await TestAccounts.WithDbAsync(app, db => db.Set<PanelMember>().Where(m => m.Membership == PanelMembership.Member).Select(m => m.EmployeeId).ToListAsync());
        Assert.Equal(panel.Order(), asked.Order());
        Assert.Contains(member.EmployeeId, asked);
        Assert.DoesNotContain(invited.EmployeeId, asked);
        Assert.DoesNotContain(outsider.EmployeeId, asked);

        var memberPages = await app.SignedInAsync(member.Email, TestAccounts.Password);
        var panelPage = await memberPages.GetStringAsync("/panel");
        Assert.Contains($"href=\"/surveys/{id}\"", panelPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/panel\"", panelPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/surveys/{id}/edit\"", await hrPages.GetStringAsync("/panel"), StringComparison.Ordinal);
        var memberApi = await app.ApiClientAsync(member.Email);
        var questions = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().Where(q => q.SurveyId == id).OrderBy(q => q.Order).ToListAsync());
        var answer = await memberApi.PostAsJsonAsync($"/api/v1/surveys/{id}/responses", new { answers = new[] { new { questionId = questions[0].Id, value = 9 } } });
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Contains("Answered", await memberPages.GetStringAsync("/panel"), StringComparison.Ordinal);

        var outsiderPages = await app.SignedInAsync(outsider.Email, TestAccounts.Password);
        Assert.DoesNotContain("href=\"/panel\"", await outsiderPages.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderPages.GetAsync($"/surveys/{id}")).StatusCode);
        var outsiderApi = await app.ApiClientAsync(outsider.Email);
        await (await outsiderApi.PostAsJsonAsync($"/api/v1/surveys/{id}/responses", new { answers = new[] { new { questionId = questions[0].Id, value = 1 } } }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await TestAccounts.WithDbAsync(app, db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id)));
    }
}
