using System.Text.RegularExpressions;
using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

/// <summary>
/// Issue 7's journey: HR creates surveys from the eNPS and Internal Service Quality templates for Customer Service and
/// Logistics and launches them → employees of those departments answer on a 360 px phone (each sees only the departments
/// that serve theirs) → HR closes both and sees the department heatmap and the service-quality matrix with their cells
/// marked "fewer than 5 responses"; the demo's closed ISQ survey shows a full matrix with its weakest links, on a desktop,
/// a phone and in Arabic, and the matrix scrolls inside its own box instead of widening the page.
/// </summary>
public sealed partial class ServiceQualityJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Respondents = ["employee@demo.example", "manager@demo.example", "logistics@demo.example"];

    [Fact]
    public async Task Hr_launches_enps_and_isq_employees_answer_on_a_phone_and_hr_sees_suppressed_cells_and_weakest_links()
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var hr = await NewPageAsync();
        await SignInAsync(hr, "hr@demo.example");
        var enps = await CreateAndLaunchAsync(hr, "enps", $"eNPS {stamp}");
        var isq = await CreateAndLaunchAsync(hr, "internal-service-quality", $"Service quality {stamp}");

        foreach (var email in Respondents)
        {
            var phone = await NewPageAsync(360, 740, touch: true);
            await SignInAsync(phone, email);
            await phone.GotoAsync("/surveys");
            await phone.Locator("main a", new() { HasTextString = $"eNPS {stamp}" }).First.ClickAsync();
            await phone.Locator("fieldset input[type=radio][value='9']").First.CheckAsync();
            await SubmitAsync(phone, email == Respondents[0] ? "enps-answer" : null);

            await phone.GotoAsync($"/surveys/{isq}");
            var blocks = await phone.Locator("main h2").AllInnerTextsAsync();
            // Customer Service is served by Logistics, Field Service, IT and HR on the demo map; Logistics by Production, Customer Service, IT and HR.
            Assert.Contains(blocks, b => b.Contains(email.StartsWith("logistics", StringComparison.Ordinal) ? "Service from Production" : "Service from Field Service",
                StringComparison.Ordinal));
            Assert.DoesNotContain(blocks, b => b.Contains("Service from R&D", StringComparison.Ordinal));
            foreach (var fieldset in await phone.Locator("main fieldset").AllAsync())
            {
                await fieldset.Locator("input[type=radio][value='5']").CheckAsync();
            }
            await SubmitAsync(phone, email == Respondents[0] ? "isq-answer" : null);
        }

        // HR closes both; the results show nothing below k: three people answered in all.
        foreach (var id in new[] { enps, isq })
        {
            await hr.GotoAsync($"/surveys/{id}/edit");
            await hr.Locator("form[action*='handler=Close'] button[type=submit]").ClickAsync();
            await Assertions.Expect(hr.Locator("main a.button[href$='/results']")).ToBeVisibleAsync();
        }
        await hr.GotoAsync($"/surveys/{enps}/results");
        await Assertions.Expect(hr.Locator("table.heatmap .suppressed", new() { HasTextString = "fewer than 5 responses" }).First).ToBeVisibleAsync();
        await ScreenshotAsync(hr, "isq-enps-results-desktop-en");
        await hr.GotoAsync($"/surveys/{isq}/results");
        var matrix = hr.Locator("table.isq-matrix");
        await Assertions.Expect(matrix).ToBeVisibleAsync();
        await Assertions.Expect(matrix.Locator("td.suppressed", new() { HasTextString = "fewer than 5 responses" }).First).ToBeVisibleAsync();
        Assert.Equal(0, await matrix.Locator("td[class^='band-']").CountAsync());
        await ScreenshotAsync(hr, "isq-new-results-desktop-en");

        // The demo's closed survey: shown cells, suppressed Field Service, weakest links highlighted.
        await hr.GotoAsync("/surveys/manage");
        await hr.Locator("main tr", new() { HasTextString = "Internal service quality: how we serve the front line" }).Locator("a[href$='/results']").ClickAsync();
        var demo = Regex.Match(hr.Url, @"/surveys/(\d+)").Groups[1].Value;
        await hr.GotoAsync($"/surveys/{demo}/results");
        await Assertions.Expect(matrix.Locator("td.weakest").First).ToBeVisibleAsync();
        await Assertions.Expect(matrix.Locator("td[class^='band-']").First).ToBeVisibleAsync();
        await Assertions.Expect(matrix.Locator("td.suppressed", new() { HasTextString = "fewer than 5 responses" }).First).ToBeVisibleAsync();
        await Assertions.Expect(hr.Locator("ul.isq-chains li").First).ToContainTextAsync("Weakest link");
        await hr.Locator("#results-isq").ScrollIntoViewIfNeededAsync();
        await hr.Locator("section:has(#results-isq)").ScreenshotAsync(new() { Path = Shot("isq-demo-matrix-desktop-en") });

        var phoneHr = await NewPageAsync(360, 740, touch: true);
        await SignInAsync(phoneHr, "hr@demo.example");
        try
        {
            foreach (var language in new[] { "en", "ar" })
            {
                if (language == "ar")
                {
                    await ChooseLanguageAsync(phoneHr, "ar");
                }
                await phoneHr.GotoAsync($"/surveys/{demo}/results");
                await Assertions.Expect(phoneHr.Locator("table.isq-matrix")).ToBeVisibleAsync();
                await AssertFitsAsync(phoneHr, $"the results page ({language})");
                // The matrix is wider than the phone and scrolls in its own box.
                var (inner, outer) = await WidthsAsync(phoneHr.Locator(".isq-wrap"));
                Assert.True(inner > outer, $"the matrix ({inner} px) should be wider than its box ({outer} px) on a phone");
                await phoneHr.Locator("section:has(#results-isq)").ScreenshotAsync(new() { Path = Shot($"isq-demo-matrix-phone-{language}") });
            }
            await Assertions.Expect(phoneHr.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Assertions.Expect(phoneHr.Locator("#results-isq")).ToHaveTextAsync("مصفوفة جودة الخدمة الداخلية");
        }
        finally
        {
            // The language is saved on HR's account, which later tests in this app share.
            await ChooseLanguageAsync(phoneHr, "en");
        }
    }

    /// <summary>Creates a draft from a template, targets Customer Service and Logistics, launches it; returns its id.</summary>
    private static async Task<string> CreateAndLaunchAsync(IPage hr, string template, string title)
    {
        await hr.GotoAsync("/surveys/manage");
        await hr.Locator("#survey-template").SelectOptionAsync(template);
        await hr.Locator("#survey-title").FillAsync(title);
        await hr.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await hr.WaitForURLAsync(url => EditUrl().IsMatch(url));
        var id = EditUrl().Match(hr.Url).Groups[1].Value;
        await hr.Locator("input[name='Audience.Include[0].Everyone']").UncheckAsync();
        await hr.Locator("#Audience_Include_0_Departments").SelectOptionAsync(
            [new SelectOptionValue { Label = "Customer Service" }, new SelectOptionValue { Label = "Logistics" }]);
        await hr.Locator("form[action*='handler=Save'] > .actions button[type=submit]").ClickAsync();
        await hr.WaitForURLAsync(url => EditUrl().IsMatch(url));
        await hr.Locator("form[action*='handler=Launch'] button[type=submit]").ClickAsync();
        await Assertions.Expect(hr.Locator("form[action*='handler=Close']")).ToBeVisibleAsync();
        return id;
    }

    private static async Task SubmitAsync(IPage phone, string? screenshot)
    {
        await AssertFitsAsync(phone, phone.Url);
        if (screenshot is not null)
        {
            await ScreenshotAsync(phone, $"isq-journey-{screenshot}-phone-en");
            await phone.ScreenshotAsync(new() { Path = Shot($"isq-journey-{screenshot}-phone-en-top") });
        }
        await phone.Locator("main form[method=post] .actions button[type=submit]").First.ClickAsync();
        await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/surveys");
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 1, $"{what} is {overflow} px wider than a 360 px screen");
    }

    private static async Task<(int Inner, int Outer)> WidthsAsync(ILocator box)
    {
        var widths = await box.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        return (widths[0], widths[1]);
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png");

    [GeneratedRegex(@"/surveys/(\d+)/edit$")]
    private static partial Regex EditUrl();
}
