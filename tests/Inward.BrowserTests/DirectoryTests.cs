using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

public sealed class DirectoryTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Searching_the_directory_finds_a_person_whose_profile_and_department_chart_open()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "employee@demo.example");
        await page.GotoAsync("/people");
        var everyone = await page.Locator("p[role=status]").InnerTextAsync();

        // The e-mail finds exactly one person: take their name and search for it.
        await page.Locator("#q").FillAsync("manager@demo.example");
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        var name = (await page.Locator("table tbody tr a").InnerTextAsync()).Trim();

        await page.Locator("#q").FillAsync(name);
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"[?&]q="));
        Assert.NotEqual(everyone, await page.Locator("p[role=status]").InnerTextAsync());
        var link = page.Locator("table tbody a", new() { HasTextString = name }).First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        await ScreenshotAsync(page, "people-search-en");

        await link.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("manager@demo.example");
        await ScreenshotAsync(page, "profile-en");

        await page.Locator("dl.facts a[href^='/departments/']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Customer Service");
        await Assertions.Expect(page.Locator("ul.tree a", new() { HasTextString = name })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "org-chart-en");
    }
}
