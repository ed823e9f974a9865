using System.Text.RegularExpressions;
using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

/// <summary>Issue 4's journey: wizard → draft plan → publish → an employee acknowledges and suggests → the owner answers.</summary>
public sealed partial class PlanJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_playbook_plan_is_adopted_published_acknowledged_and_a_suggestion_gets_a_public_answer()
    {
        // The communicator runs the wizard with the company's defaults and "silos between departments".
        var comms = await NewPageAsync();
        await SignInAsync(comms, "comms@demo.example");
        await comms.GotoAsync("/playbook");
        await comms.Locator("input[name='Input.PainPoints'][value='Silos']").CheckAsync();
        await comms.Locator("form:has(#Input_CompanySize) button[type=submit]").ClickAsync();
        var create = comms.Locator("form.pb-create button[type=submit]");
        await Assertions.Expect(create).ToBeVisibleAsync();
        // "Silos" brings the internal service quality survey, and every initiative says why it was chosen.
        await Assertions.Expect(comms.Locator("main")).ToContainTextAsync("Internal service quality survey");
        Assert.True(await comms.Locator(".pb-why").CountAsync() > 0);
        await ScreenshotAsync(comms, "playbook-proposal-en");

        // One click makes it a draft plan, which the communicator publishes.
        await create.ClickAsync();
        await comms.WaitForURLAsync(PlanEditorUrl());
        var planUrl = new Uri(comms.Url).AbsolutePath;
        var title = (await comms.Locator("h1").InnerTextAsync()).Trim();
        await comms.Locator("#ChangeNote").FillAsync("First version, from the playbook.");
        await comms.Locator("form:has(#ChangeNote) button[type=submit]").ClickAsync();
        await Assertions.Expect(comms.Locator("p.success[role=status]")).ToContainTextAsync("Published");
        var planId = planUrl.Split('/')[2];

        // An employee reads it, acknowledges it and suggests something.
        var employee = await NewPageAsync();
        await SignInAsync(employee, "employee@demo.example");
        await employee.GotoAsync($"/plan/{planId}");
        await Assertions.Expect(employee.Locator("h1")).ToHaveTextAsync(title);
        await employee.Locator("#acknowledge button[type=submit]").ClickAsync();
        await Assertions.Expect(employee.Locator("#acknowledge [data-acknowledged=true]")).ToBeVisibleAsync();
        var suggestion = $"Let the warehouse team join the Monday service huddle ({Guid.NewGuid():N}).";
        await employee.Locator("#Input_Text").FillAsync(suggestion);
        await employee.Locator("form:has(#Input_Text) button[type=submit]").ClickAsync();
        await Assertions.Expect(employee.Locator("main")).ToContainTextAsync(suggestion);
        await ScreenshotAsync(employee, "plan-employee-en");

        // The owner adopts it with a public answer.
        await comms.GotoAsync($"/plans/{planId}/suggestions");
        var item = comms.Locator("section.card").Filter(new() { HasTextString = suggestion });
        await item.Locator("select[name='Input.Status']").SelectOptionAsync("Adopted");
        await item.Locator("textarea[name='Input.Answer']").FillAsync("Adopted: the huddle is open to the warehouse from next week.");
        await item.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(comms.Locator("p.success[role=status]")).ToBeVisibleAsync();

        // Everyone sees the answer under the suggestion: feedback is visibly respected.
        await employee.GotoAsync($"/plan/{planId}");
        await Assertions.Expect(employee.Locator("main")).ToContainTextAsync("Adopted: the huddle is open to the warehouse from next week.");

        // The same plan is usable at phone width and in Arabic (right to left).
        var phone = await NewPageAsync(width: 360, height: 740, touch: true);
        await SignInAsync(phone, "employee@demo.example");
        await ChooseLanguageAsync(phone, "ar");
        try
        {
            await phone.GotoAsync($"/plan/{planId}");
            await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "the plan page scrolls sideways at 360 px");
            await ScreenshotAsync(phone, "plan-phone-ar");
        }
        finally
        {
            await ChooseLanguageAsync(phone, "en");
        }
    }

    [GeneratedRegex(@"/plans/\d+(\?.*)?$")]
    private static partial Regex PlanEditorUrl();
}
