using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

/// <summary>The communication pages of issue 5 at phone width, in Arabic (right to left): nothing scrolls sideways.</summary>
public sealed class CommunicationsPhoneTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("employee@demo.example", "/news")]
    [InlineData("employee@demo.example", "/radio")]
    [InlineData("employee@demo.example", "/wins")]
    [InlineData("employee@demo.example", "/wins/new")]
    [InlineData("employee@demo.example", "/notifications")]
    [InlineData("employee@demo.example", "/account/email")]
    [InlineData("comms@demo.example", "/posts/new")]
    [InlineData("comms@demo.example", "/posts")]
    [InlineData("comms@demo.example", "/posts/review")]
    [InlineData("comms@demo.example", "/radio/manage")]
    [InlineData("manager@demo.example", "/team/must-reads")]
    [InlineData("admin@demo.example", "/settings/webhooks")]
    public async Task The_page_fits_a_phone_in_Arabic(string email, string path)
    {
        var page = await NewPageAsync(360, 740, touch: true);
        await page.GotoAsync("/account/sign-in");
        await ChooseLanguageAsync(page, "ar");
        await SignInAsync(page, email);
        await ChooseLanguageAsync(page, "ar");
        try
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"phone-ar{path.Replace('/', '-')}.png"),
                FullPage = true,
            });
            Assert.True(overflow <= 1, $"{path} is {overflow} px wider than a 360 px screen");
        }
        finally
        {
            await ChooseLanguageAsync(page, "en");
        }
    }
}
