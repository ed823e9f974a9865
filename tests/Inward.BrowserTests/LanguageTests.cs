using Inward.BrowserTests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

public sealed class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // A demo account no other browser test needs in another language; set back to English at the end.
    private const string Account = "comms@demo.example";

    [Fact]
    public async Task The_language_chooser_switches_the_sign_in_page_to_Arabic_right_to_left()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        // site.css and site.js are served: the header is styled and the script hid the chooser's button.
        Assert.Equal("flex", await page.Locator("header.topbar").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await Assertions.Expect(page.Locator("form.lang button")).ToBeHiddenAsync();

        await ChooseLanguageAsync(page, "ar");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("تسجيل الدخول");
        await Assertions.Expect(page.Locator("label[for=Input_Password]")).ToHaveTextAsync("كلمة المرور");
        await ScreenshotAsync(page, "sign-in-ar");

        await ChooseLanguageAsync(page, "pl");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Zaloguj się");
    }

    [Fact]
    public async Task A_signed_in_user_switches_to_Arabic_and_Polish_and_the_choice_is_kept_on_the_account()
    {
        try
        {
            var page = await NewPageAsync();
            await SignInAsync(page, Account);
            Assert.Contains("People", await NavigationAsync(page));

            await ChooseLanguageAsync(page, "ar");

            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            Assert.Equal(["الرئيسية", "الأشخاص", "الأقسام"], (await NavigationAsync(page)).Take(3));
            await Assertions.Expect(page.Locator("form[action='/account/sign-out'] button")).ToHaveTextAsync("تسجيل الخروج");
            await ScreenshotAsync(page, "home-comms-ar");

            // Dates stay Gregorian in Arabic (a hire date in 20xx, not a Hijri 14xx year).
            await page.Locator("main section.card a[href^='/people/']").ClickAsync();
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("تاريخ التعيين");
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(new Regex(@"\b(19|20)\d\d\b"));
            await ScreenshotAsync(page, "profile-comms-ar");

            await ChooseLanguageAsync(page, "pl");

            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
            Assert.Equal(["Strona główna", "Osoby", "Działy"], (await NavigationAsync(page)).Take(3));
            await ScreenshotAsync(page, "profile-comms-pl");
            await SignOutAsync(page);

            // Another browser, without the language cookie: the account remembers Polish.
            var elsewhere = await NewPageAsync();
            await SignInAsync(elsewhere, Account);
            await Assertions.Expect(elsewhere.Locator("html")).ToHaveAttributeAsync("lang", "pl");
            Assert.Equal(["Strona główna", "Osoby", "Działy"], (await NavigationAsync(elsewhere)).Take(3));
        }
        finally
        {
            var reset = await NewPageAsync();
            await SignInAsync(reset, Account);
            await ChooseLanguageAsync(reset, "en");
        }
    }
}
