using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

/// <summary>The plan and brand pages of issue 4 at phone width, in Arabic (right to left): nothing scrolls sideways.</summary>
public sealed class PlanPhoneTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("employee@demo.example", "/plan")]
    [InlineData("employee@demo.example", "/brand")]
    [InlineData("employee@demo.example", "/internal-customers")]
    [InlineData("employee@demo.example", "/touchpoints")]
    [InlineData("employee@demo.example", "/expectations")]
    [InlineData("employee@demo.example", "/tactics")]
    [InlineData("comms@demo.example", "/plans")]
    [InlineData("comms@demo.example", "/playbook")]
    [InlineData("comms@demo.example", "/role-cards")]
    [InlineData("comms@demo.example", "/brand/edit")]
    public async Task The_page_fits_a_phone_in_Arabic(string email, string path)
    {
        var page = await NewPageAsync(360, 740, touch: true);
        await page.GotoAsync("/account/sign-in");
        await ChooseLanguageAsync(page, "ar");
        await SignInAsync(page, email);
        // The account's own language wins after signing in; switch it for this page and back afterwards.
        await ChooseLanguageAsync(page, "ar");
        try
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{path} is {overflow} px wider than a 360 px screen");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"phone-ar{path.Replace('/', '-')}.png"),
            });
        }
        finally
        {
            await ChooseLanguageAsync(page, "en");
        }
    }
}
