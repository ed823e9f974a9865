using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

public sealed class PhoneTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const int Width = 360;

    [Fact]
    public async Task On_a_phone_the_menu_is_folded_opens_on_tap_and_the_directory_fits_the_screen()
    {
        var page = await NewPageAsync(Width, 740, touch: true);
        await SignInAsync(page, "employee@demo.example");

        var summary = page.Locator("details.menu > summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToHaveTextAsync("Menu");
        await Assertions.Expect(page.Locator("header nav")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "home-phone-en");

        await summary.TapAsync();
        await Assertions.Expect(page.Locator("header nav")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "home-phone-menu-open-en");
        await page.Locator("header nav a[href='/people']").TapAsync();
        await page.WaitForURLAsync("**/people");

        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header nav")).ToBeHiddenAsync();
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, "people-phone-en");

        await page.Locator("table tbody a").First.TapAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/people/", StringComparison.Ordinal));
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, "profile-phone-en");
    }

    [Fact]
    public async Task On_a_phone_the_Arabic_directory_fits_the_screen_too()
    {
        var page = await NewPageAsync(Width, 740, touch: true);
        await page.GotoAsync("/account/sign-in");
        await ChooseLanguageAsync(page, "ar");
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, "sign-in-phone-ar");

        // The account's language (English) applies after signing in; the page layout is what is checked here.
        await SignInAsync(page, "manager@demo.example");
        await page.GotoAsync("/departments");
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, "departments-phone-en");
    }
}
