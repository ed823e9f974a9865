using System.Text;
using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

public sealed class ImportTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task HR_uploads_a_roster_sees_the_preview_applies_it_and_finds_the_new_people()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = "Name,Email,Department,Location,Job role,Hire date\n"
            + $"Łucja Wiśniewska,lucja.{tag}@import.example,Customer Service,Lyon Office,Service agent,2026-01-05\n"
            + $"Zoë Lefèvre,zoe.{tag}@import.example,Field Service,Leeds Service Hub,Field technician,2025-11-17\n";
        var page = await NewPageAsync();
        await SignInAsync(page, "hr@demo.example");

        await page.GotoAsync("/people/import");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "new-starters.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Review the import");
        await Assertions.Expect(page.Locator("dd[data-count=create]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("dd[data-count=update]")).ToHaveTextAsync("0");
        await ScreenshotAsync(page, "import-preview-en");

        await page.Locator("form[method=post].actions button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/people/import/history"));
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("new-starters.csv");
        await ScreenshotAsync(page, "import-history-en");

        await page.GotoAsync($"/people?q=lucja.{tag}");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table tbody")).ToContainTextAsync("Łucja Wiśniewska");
    }

    [Fact]
    public async Task A_roster_with_problems_shows_them_by_row_and_offers_no_apply()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = "Name,Email,Department\n"
            + $"Good Person,good.{tag}@import.example,Logistics\n"
            + $"Bad Mail,not-an-email,Logistics\n"
            + $"Nowhere Person,nowhere.{tag}@import.example,Department of Nothing\n";
        var page = await NewPageAsync();
        await SignInAsync(page, "hr@demo.example");

        await page.GotoAsync("/people/import");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();

        var problems = page.Locator(".errors[role=alert]");
        await Assertions.Expect(problems).ToContainTextAsync("Nothing will be changed");
        await Assertions.Expect(problems.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("form[method=post].actions button[type=submit]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "import-problems-en");

        await page.GotoAsync($"/people?q=good.{tag}");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(0);
    }
}
