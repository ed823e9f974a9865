using Inward.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Inward.BrowserTests;

/// <summary>
/// The whole passkey ceremony in a real browser, with Chromium's virtual authenticator (DevTools protocol) standing in
/// for the device's screen lock: add, sign in with it, rename, delete.
/// </summary>
public sealed class PasskeyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // No browser-test account is free to be changed for good: the passkey is removed again in the finally block.
    private const string Account = "manager@demo.example";

    [Fact]
    public async Task A_user_adds_a_passkey_signs_in_with_it_renames_it_and_deletes_it()
    {
        var page = await NewPageAsync(localhost: true);
        await AddVirtualAuthenticatorAsync(page);
        // The delete button asks for confirmation (window.confirm); Playwright would otherwise dismiss it.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var name = $"Test laptop {Guid.NewGuid():N}"[..24];
        var renamed = name + " (renamed)";
        try
        {
            await SignInAsync(page, Account);
            var displayName = (await page.Locator("header a.who").InnerTextAsync()).Trim();
            Assert.NotEmpty(displayName);

            await page.GotoAsync("/account/passkeys");
            var add = page.Locator("form[data-passkey=create]");
            await Assertions.Expect(add).ToBeVisibleAsync();
            await add.Locator("#passkey-name").FillAsync(name);
            await add.Locator("button[type=submit]").ClickAsync();

            await Assertions.Expect(page.Locator("p.success")).ToHaveTextAsync("The passkey was added.");
            await Assertions.Expect(PasskeyNames(page)).ToHaveCountAsync(1);
            await Assertions.Expect(PasskeyNames(page)).ToHaveValueAsync(name);
            await ScreenshotAsync(page, "passkeys-manager-en");

            await SignOutAsync(page);
            await page.Locator("form[data-passkey=get] button[type=submit]").ClickAsync();

            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
            Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("header a.who")).ToHaveTextAsync(displayName);

            await page.GotoAsync("/account/passkeys");
            await PasskeyNames(page).FillAsync(renamed);
            await page.Locator("form[action*='handler=Rename'] button").ClickAsync();

            await Assertions.Expect(page.Locator("p.success")).ToHaveTextAsync("The passkey was renamed.");
            await Assertions.Expect(PasskeyNames(page)).ToHaveValueAsync(renamed);

            await page.Locator("form[action*='handler=Delete'] button").ClickAsync();

            await Assertions.Expect(page.Locator("p.success")).ToHaveTextAsync("The passkey was deleted.");
            await Assertions.Expect(PasskeyNames(page)).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No passkeys yet.");
        }
        finally
        {
            await RemoveAllPasskeysAsync(page);
        }
    }

    /// <summary>The name fields of the listed passkeys (each row is a rename form).</summary>
    private static ILocator PasskeyNames(IPage page) => page.Locator("form[action*='handler=Rename'] input[name=name]");

    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    /// <summary>Leaves the demo account as it was, whatever step failed: signs in with the password if needed and deletes every passkey.</summary>
    private static async Task RemoveAllPasskeysAsync(IPage page)
    {
        await page.GotoAsync("/account/passkeys");
        if (page.Url.Contains("/account/sign-in", StringComparison.Ordinal))
        {
            await SignInAsync(page, Account);
            await page.GotoAsync("/account/passkeys");
        }
        var delete = page.Locator("form[action*='handler=Delete'] button");
        for (var left = await delete.CountAsync(); left > 0; left--)
        {
            await delete.First.ClickAsync();
            await Assertions.Expect(page.Locator("p.success")).ToHaveTextAsync("The passkey was deleted.");
        }
    }
}
