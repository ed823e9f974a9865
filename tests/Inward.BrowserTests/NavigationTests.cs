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

    [Theory]
    [InlineData("en", "Manage")]
    [InlineData("ar", "الإدارة")]
    public async Task The_admin_menu_keeps_one_row_on_a_laptop_and_opens_its_management_group_on_demand(string language, string manage)
    {
        var page = await NewPageAsync(1280, 800);
        await SignInAsync(page, "admin@demo.example");
        if (language != "en")
        {
            await ChooseLanguageAsync(page, language);
        }
        try
        {
            // Forty links in one list wrapped into three or four rows; folded into groups they take one, or two beside a long
            // company name and logo (other browser tests rename the shared demo company).
            var rows = await page.Locator("header nav > ul > li").EvaluateAllAsync<int>("items => new Set(items.map(i => Math.round(i.getBoundingClientRect().top))).size");
            Assert.True(rows <= 2, $"The menu takes {rows} rows.");
            var audit = page.Locator("header nav a[href='/admin/audit']");
            await Assertions.Expect(audit).ToBeHiddenAsync();

            await page.Locator("header .submenu summary", new() { HasText = manage }).ClickAsync();
            await Assertions.Expect(audit).ToBeVisibleAsync();
            await AssertNoHorizontalScrollAsync(page);
            await ScreenshotAsync(page, $"menu-manage-open-{language}");
            await audit.ClickAsync();
            await page.WaitForURLAsync("**/admin/audit");
            await Assertions.Expect(page.Locator("header .submenu summary.current")).ToHaveTextAsync(manage);
            await Assertions.Expect(page.Locator("header nav a[aria-current=page]")).ToHaveAttributeAsync("href", "/admin/audit");
        }
        finally
        {
            if (language != "en")
            {
                await ChooseLanguageAsync(page, "en");
            }
        }
    }

    [Fact]
    public async Task On_a_phone_the_menu_groups_unfold_inside_the_open_menu()
    {
        var page = await NewPageAsync(360, 740, touch: true);
        await SignInAsync(page, "hr@demo.example");

        await page.Locator("details.menu > summary").TapAsync();
        await page.Locator("header .submenu summary", new() { HasText = "Manage" }).TapAsync();
        var surveys = page.Locator("header nav a[href='/surveys/manage']");
        await Assertions.Expect(surveys).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, "menu-phone-manage-open-en");
        await surveys.TapAsync();
        await page.WaitForURLAsync("**/surveys/manage");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
    }
}
