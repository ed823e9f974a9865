using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

public sealed class NavigationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Staff = "Home|People|Departments";
    private const string PeopleAdmin = "Import roster|Organisation|Partners";
    private const string SystemAdmin = "Settings|Users & roles|Audit log";

    [Theory]
    [InlineData("admin@demo.example", $"{Staff}|{PeopleAdmin}|{SystemAdmin}", "Partner area")]
    [InlineData("hr@demo.example", $"{Staff}|{PeopleAdmin}", $"{SystemAdmin}|Partner area")]
    [InlineData("comms@demo.example", Staff, $"{PeopleAdmin}|{SystemAdmin}|Partner area")]
    [InlineData("manager@demo.example", Staff, $"{PeopleAdmin}|{SystemAdmin}|Partner area")]
    [InlineData("employee@demo.example", Staff, $"{PeopleAdmin}|{SystemAdmin}|Partner area")]
    public async Task Each_staff_role_sees_the_navigation_of_its_rights(string email, string shown, string hidden)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email);

        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        var navigation = await NavigationAsync(page);
        Assert.All(shown.Split('|'), link => Assert.Contains(link, navigation));
        Assert.All(hidden.Split('|'), link => Assert.DoesNotContain(link, navigation));
        await ScreenshotAsync(page, $"home-{email.Split('@')[0]}-en");
    }

    [Fact]
    public async Task A_partner_sees_only_the_partner_area_and_learning_and_is_refused_the_people_directory()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "partner@demo.example");

        Assert.EndsWith("/partner", page.Url, StringComparison.Ordinal);
        // Partner users learn too (courses shared with their organisation), and see nothing of the intranet.
        Assert.Equal(["Partner area", "Learning", "Your assigned training", "Your certificates"], await NavigationAsync(page));
        Assert.Equal(0, await page.Locator("a[href='/people']").CountAsync());

        var response = await page.GotoAsync("/people");
        Assert.NotNull(response);
        Assert.Equal(403, response.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
        await Assertions.Expect(page.Locator("table")).ToHaveCountAsync(0);
    }
}
